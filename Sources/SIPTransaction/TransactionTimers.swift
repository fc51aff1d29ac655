/// The timer values of RFC 3261 §17 (Table 4) and RFC 6026 §8.4, derived from T1, T2 and T4.
///
/// Timers A, E and G start at T1; the machines double them (E and G up to T2).
/// T2 is expected to be at least T1.
///
/// Every transaction's state machine keeps the timers it was made with, and tens of thousands of
/// transactions linger at once; the three durations therefore live in one shared immutable box, so a
/// copy costs one pointer, not three durations.
public struct TransactionTimers: Hashable, Sendable {
    private final class Values: Sendable {
        let t1: Duration
        let t2: Duration
        let t4: Duration

        init(t1: Duration, t2: Duration, t4: Duration) {
            self.t1 = t1
            self.t2 = t2
            self.t4 = t4
        }
    }

    private let values: Values

    /// T1, the round-trip time estimate (§17.1.1.1): 500 ms by default.
    public var t1: Duration { values.t1 }
    /// T2, the longest retransmission interval for non-INVITE requests and INVITE responses: 4 s by default.
    public var t2: Duration { values.t2 }
    /// T4, the longest time a message stays in the network: 5 s by default.
    public var t4: Duration { values.t4 }

    /// Creates the timer set; the defaults are RFC 3261's recommended values.
    public init(t1: Duration = .milliseconds(500), t2: Duration = .seconds(4), t4: Duration = .seconds(5)) {
        values = Values(t1: t1, t2: t2, t4: t4)
    }

    /// Timer sets are equal when T1, T2 and T4 are.
    public static func == (lhs: TransactionTimers, rhs: TransactionTimers) -> Bool {
        lhs.t1 == rhs.t1 && lhs.t2 == rhs.t2 && lhs.t4 == rhs.t4
    }

    /// Hashes T1, T2 and T4.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(t1)
        hasher.combine(t2)
        hasher.combine(t4)
    }

    /// Timer B, the INVITE client transaction timeout: 64*T1.
    public var timerB: Duration { t1 * 64 }

    /// Timer F, the non-INVITE client transaction timeout: 64*T1.
    public var timerF: Duration { t1 * 64 }

    /// Timer H, how long the INVITE server waits for the ACK to a non-2xx final response: 64*T1.
    public var timerH: Duration { t1 * 64 }

    /// Timer L, how long the INVITE server stays in Accepted (RFC 6026): 64*T1.
    public var timerL: Duration { t1 * 64 }

    /// Timer M, how long the INVITE client stays in Accepted (RFC 6026): 64*T1.
    public var timerM: Duration { t1 * 64 }

    /// Timer D: 32 s over unreliable transports (RFC 3261 asks for at least 32 s), zero over reliable ones.
    public func timerD(reliable: Bool) -> Duration { reliable ? .zero : .seconds(32) }

    /// Timer I: T4 over unreliable transports, zero over reliable ones.
    public func timerI(reliable: Bool) -> Duration { reliable ? .zero : t4 }

    /// Timer J: 64*T1 over unreliable transports, zero over reliable ones (§17.2.2).
    public func timerJ(reliable: Bool) -> Duration { reliable ? .zero : t1 * 64 }

    /// Timer K: T4 over unreliable transports, zero over reliable ones.
    public func timerK(reliable: Bool) -> Duration { reliable ? .zero : t4 }
}
