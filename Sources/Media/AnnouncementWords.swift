/// The prompt names that say a caller's queue position and estimated wait in English, from a fixed
/// set of recordings (``promptNames``), so start-up can check that every file exists.
///
/// Numbers 1…999 are spoken as American English cardinals without "and": 342 is `digit-3 hundred
/// forty digit-2`, 115 is `digit-1 hundred fifteen`. The words are tables, not code.
public enum AnnouncementWords {
    /// "You are caller number", before the position.
    public static let youAreCallerNumber = "you-are-caller-number"
    /// "Your estimated wait is", before the wait.
    public static let yourEstimatedWaitIs = "your-estimated-wait-is"
    /// "About", before a wait in minutes.
    public static let about = "about"
    /// "Minutes", after a wait of two minutes or more.
    public static let minutesWord = "minutes"
    /// "Less than a minute", the wait of one (rounded-up) minute.
    public static let lessThanAMinute = "less-than-a-minute"
    /// "Hundred", after the hundreds digit.
    public static let hundred = "hundred"

    /// One to nine.
    private static let units = (1...9).map { "digit-\($0)" }
    /// Ten to nineteen.
    private static let teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                                "eighteen", "nineteen"]
    /// Twenty to ninety.
    private static let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// The positions that can be announced.
    public static let positions = 1...999
    /// The waits, in whole minutes rounded up, that can be announced.
    public static let waitMinutes = 1...120

    /// Every prompt name the announcements use, each once, in a fixed order.
    public static let promptNames: [String] = [youAreCallerNumber, yourEstimatedWaitIs, about, minutesWord, lessThanAMinute, hundred]
        + units + teens + tens

    /// "You are caller number …"; nil outside ``positions``.
    public static func position(_ position: Int) -> [String]? {
        guard positions.contains(position) else { return nil }
        return [youAreCallerNumber] + number(position)
    }

    /// "Your estimated wait is …" for a wait rounded up to whole minutes: one minute is "less than a
    /// minute" (it is at most 60 seconds), more is "about N minutes"; nil outside ``waitMinutes``.
    public static func estimatedWait(minutes: Int) -> [String]? {
        guard waitMinutes.contains(minutes) else { return nil }
        if minutes == 1 { return [yourEstimatedWaitIs, lessThanAMinute] }
        return [yourEstimatedWaitIs, about] + number(minutes) + [minutesWord]
    }

    /// The words of `value`, 1…999.
    private static func number(_ value: Int) -> [String] {
        var words: [String] = []
        if value >= 100 { words += [units[value / 100 - 1], hundred] }
        let rest = value % 100
        switch rest {
        case 0: break
        case 1...9: words.append(units[rest - 1])
        case 10...19: words.append(teens[rest - 10])
        default:
            words.append(tens[rest / 10 - 2])
            if rest % 10 > 0 { words.append(units[rest % 10 - 1]) }
        }
        return words
    }
}
