/// Ring-no-answer handling: back-offs per failure and the break after repeated misses.
public struct RONAConfiguration: Hashable, Sendable {
    /// Consecutive counted failures after which the agent goes on break with reason RONA (0 = never).
    public var missLimit: Int
    /// Which failures count towards ``missLimit``; an answered offer resets the count.
    public var countedFailures: Set<OfferFailureReason>
    /// How long the agent is skipped after each kind of failure (absent = not at all).
    public var backOff: [OfferFailureReason: Duration]
    /// How long a RONA break lasts before the agent is Available again; zero: until the agent or a
    /// supervisor sets another status (the control API's end-break).
    public var breakDuration: Duration

    /// Creates a RONA configuration; by default 3 misses, counting no-answer only, back-offs of
    /// 30 s (no answer), 60 s (busy), 15 s (declined), 120 s (unreachable), and a 300 s break.
    public init(
        missLimit: Int = 3,
        countedFailures: Set<OfferFailureReason> = [.noAnswer],
        backOff: [OfferFailureReason: Duration] = [
            .noAnswer: .seconds(30), .busy: .seconds(60), .declined: .seconds(15), .unreachable: .seconds(120),
        ],
        breakDuration: Duration = .seconds(300)
    ) {
        self.missLimit = missLimit
        self.countedFailures = countedFailures
        self.backOff = backOff
        self.breakDuration = breakDuration
    }
}
