import ACD
import Media
import YAMLConfiguration

/// What one caller on answered hold is told of their place in line (pure): at each occasion, the
/// prompt names of the position and estimated-wait announcements the queue's modes call for. The
/// first occasion is right after the welcome prompt; with `ewt: {everySeconds: N}` another comes
/// every N seconds.
struct HoldAnnouncer: Sendable {
    let position: AnnouncementConfiguration.PositionMode
    let ewt: AnnouncementConfiguration.EWTMode
    let rounding: Duration
    private var lastPosition: Int?
    private var occasions = 0

    /// The announcements of a queue's answered hold.
    init(_ hold: QueueHoldMedia) {
        position = hold.position
        ewt = hold.ewt
        rounding = hold.ewtRounding
    }

    /// How long after one occasion the next comes; nil when there is only the first.
    var interval: Duration? {
        if case .periodic(let every) = ewt { return every }
        return nil
    }

    /// The prompt names to play now for a caller at `place` (1 is next; 0 while an agent rings, which
    /// is never announced) whose estimated wait is `estimate` (nil: unknown, never announced).
    mutating func announce(place: Int, estimate: Duration?) -> [String] {
        occasions += 1
        var words: [String] = []
        if saysPosition(place), let spoken = AnnouncementWords.position(place) {
            words += spoken
            lastPosition = place
        }
        if saysWait, let estimate, let spoken = AnnouncementWords.estimatedWait(minutes: Self.minutes(of: estimate, roundedUpTo: rounding)) {
            words += spoken
        }
        return words
    }

    private func saysPosition(_ place: Int) -> Bool {
        switch position {
        case .never: false
        case .always: true
        case .whenImproved: lastPosition.map { place < $0 } ?? true
        case .upTo(let limit): place <= limit
        }
    }

    private var saysWait: Bool {
        switch ewt {
        case .never: false
        case .once: occasions == 1
        case .periodic: true
        }
    }

    /// `estimate` rounded up to a multiple of `rounding`, then up to whole minutes, at least one (a
    /// wait of zero is "less than a minute").
    static func minutes(of estimate: Duration, roundedUpTo rounding: Duration) -> Int {
        let (seconds, attoseconds) = max(estimate, .zero).components
        let whole = seconds + (attoseconds > 0 ? 1 : 0)
        let step = max(rounding.components.seconds, 1)
        let rounded = (whole + step - 1) / step * step
        return max(1, Int((rounded + 59) / 60))
    }
}
