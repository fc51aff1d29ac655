/// A required skill (interned) and the minimum proficiency.
struct SkillNeed: Hashable, Comparable, Sendable {
    var skill: Int
    var level: Int

    static func < (lhs: SkillNeed, rhs: SkillNeed) -> Bool {
        (lhs.skill, lhs.level) < (rhs.skill, rhs.level)
    }
}
