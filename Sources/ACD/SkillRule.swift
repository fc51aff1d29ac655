/// Widens skill requirements as a caller waits: after `after`, every required proficiency is
/// lowered by `reduction` (a requirement that reaches 0 is met by every agent).
public struct SkillRule: Hashable, Sendable {
    /// The caller's wait after which the rule applies.
    public var after: Duration
    /// How much every required proficiency drops once the rule applies.
    public var reduction: Int

    /// Creates a rule: after `after`, required proficiencies drop by `reduction`.
    public init(after: Duration, reduction: Int) {
        self.after = after
        self.reduction = reduction
    }
}
