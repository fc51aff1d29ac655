/// A queue's callback offer: a caller on answered hold presses ``key`` to hang up and be called back
/// when their place comes up, keeping that place.
public struct CallbackConfiguration: Hashable, Sendable {
    /// The name of the prompt a caller hears after pressing the key, before Switchboard hangs up.
    public static let confirmationPrompt = "callback-confirmation"
    /// The attempts ``maximumAttempts`` accepts.
    public static let attemptRange = 1...10
    /// The seconds ``retryInterval`` accepts.
    public static let retryIntervalRange = 30...3_600
    /// The seconds ``ringTimeout`` accepts.
    public static let ringTimeoutRange = 5...120

    /// The DTMF key (`0`–`9`, `*`, `#`, `A`–`D`) that requests the callback.
    public var key: Character
    /// How many times the caller is called before the call ends as a failed callback.
    public var maximumAttempts: Int
    /// The wait between an unanswered call to the caller and the next attempt.
    public var retryInterval: Duration
    /// How long the caller's phone rings before the attempt counts as unanswered.
    public var ringTimeout: Duration

    /// Creates a callback offer on `key` with 3 attempts, 120 s apart, ringing 30 s each.
    public init(key: Character, maximumAttempts: Int = 3, retryInterval: Duration = .seconds(120),
                ringTimeout: Duration = .seconds(30)) {
        self.key = key
        self.maximumAttempts = maximumAttempts
        self.retryInterval = retryInterval
        self.ringTimeout = ringTimeout
    }
}
