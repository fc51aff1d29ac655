import NIOCore
@testable import SIPTransport
import Testing

@Suite("Notices: at most one line per reason and interval, with the count it stands for")
struct SIPNoticeThrottleTests {
    static let start = NIODeadline.uptimeNanoseconds(1_000_000_000)

    @Test("The first event logs, the rest of the interval is counted and flushed once at its end")
    func window() {
        var throttle = SIPNoticeThrottle<String>(interval: .seconds(10))
        #expect(throttle.record("a", now: Self.start) == .log(count: 1))
        #expect(throttle.record("a", now: Self.start + .seconds(1)) == .flush(at: Self.start + .seconds(10)))
        for second in 2..<10 {
            #expect(throttle.record("a", now: Self.start + .seconds(Int64(second))) == .counted)
        }
        #expect(throttle.record("b", now: Self.start + .seconds(2)) == .log(count: 1))
        #expect(throttle.flush("a", now: Self.start + .seconds(10)) == 9)
        #expect(throttle.record("a", now: Self.start + .seconds(11)) == .flush(at: Self.start + .seconds(20)))
        #expect(throttle.flush("a", now: Self.start + .seconds(20)) == 1)
        #expect(throttle.flush("a", now: Self.start + .seconds(30)) == 0)
        #expect(throttle.record("a", now: Self.start + .seconds(31)) == .log(count: 1))
    }

    @Test("An event after the interval, before a late flush, logs the counted ones with it")
    func lateFlush() {
        var throttle = SIPNoticeThrottle<String>(interval: .seconds(10))
        #expect(throttle.record("a", now: Self.start) == .log(count: 1))
        #expect(throttle.record("a", now: Self.start + .seconds(5)) == .flush(at: Self.start + .seconds(10)))
        #expect(throttle.record("a", now: Self.start + .seconds(10)) == .log(count: 2))
        #expect(throttle.flush("a", now: Self.start + .seconds(10)) == 0)
    }

    @Test("Lines never come closer than the interval, and every event is in exactly one line")
    func everyEventOnce() {
        var throttle = SIPNoticeThrottle<String>(interval: .seconds(10))
        var lines: [(at: NIODeadline, count: Int)] = []
        var flushes: [NIODeadline] = []
        let events = (0..<2_000).map { Self.start + .milliseconds(Int64($0 * 37)) }
        for now in events {
            while let due = flushes.first, due <= now {
                flushes.removeFirst()
                let count = throttle.flush("a", now: due)
                if count > 0 { lines.append((due, count)) }
            }
            switch throttle.record("a", now: now) {
            case .log(let count): lines.append((now, count))
            case .flush(let deadline): flushes.append(deadline)
            case .counted: break
            }
        }
        for due in flushes {
            let count = throttle.flush("a", now: due)
            if count > 0 { lines.append((due, count)) }
        }
        #expect(lines.map(\.count).reduce(0, +) == events.count)
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $1.at - $0.at >= .seconds(10) })
    }
}
