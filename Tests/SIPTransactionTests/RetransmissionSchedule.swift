import SIPTransaction

/// An expected Timer E or Timer G schedule (both double from T1 up to T2) for one T1/T2 pair, in milliseconds:
/// the transmissions (the first at 0) and the 64*T1 timeout.
struct RetransmissionSchedule: Sendable, CustomStringConvertible {
    var t1: Int
    var t2: Int
    var sends: [Int]
    var timeout: Int

    var timers: TransactionTimers { TransactionTimers(t1: ms(t1), t2: ms(t2)) }
    var description: String { "T1 \(t1) ms, T2 \(t2) ms" }

    /// The schedules written out by hand, default values first.
    static let doublingUpToT2: [RetransmissionSchedule] = [
        RetransmissionSchedule(
            t1: 500, t2: 4_000,
            sends: [0, 500, 1_500, 3_500, 7_500, 11_500, 15_500, 19_500, 23_500, 27_500, 31_500],
            timeout: 32_000),
        RetransmissionSchedule(
            t1: 500, t2: 2_000,
            sends: [0, 500, 1_500, 3_500, 5_500, 7_500, 9_500, 11_500, 13_500, 15_500, 17_500, 19_500, 21_500,
                    23_500, 25_500, 27_500, 29_500, 31_500],
            timeout: 32_000),
        RetransmissionSchedule(
            t1: 1_000, t2: 4_000,
            sends: [0, 1_000, 3_000, 7_000, 11_000, 15_000, 19_000, 23_000, 27_000, 31_000, 35_000, 39_000,
                    43_000, 47_000, 51_000, 55_000, 59_000, 63_000],
            timeout: 64_000),
        RetransmissionSchedule(
            t1: 250, t2: 8_000,
            sends: [0, 250, 750, 1_750, 3_750, 7_750, 15_750],
            timeout: 16_000),
    ]
}
