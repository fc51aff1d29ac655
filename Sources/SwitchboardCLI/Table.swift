import Foundation

/// A plain-text table: a header row and columns padded to their widest cell, two spaces apart.
struct Table {
    let headers: [String]
    var rows: [[String]] = []

    init(_ headers: String...) {
        self.headers = headers
    }

    mutating func add(_ cells: String...) {
        rows.append(cells)
    }

    /// The table as lines ending in a newline; `emptyText` stands alone when there is no row.
    func render(emptyText: String? = nil) -> String {
        if rows.isEmpty, let emptyText { return emptyText + "\n" }
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}

/// How the CLI writes figures for people.
enum Format {
    /// `45s`, `3m05s`, `2h03m`, `1d04h`; `-` for none.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "-" }
        let total = Int(seconds.rounded())
        switch total {
        case ..<60: return "\(max(total, 0))s"
        case ..<3_600: return "\(total / 60)m" + twoDigits(total % 60) + "s"
        case ..<86_400: return "\(total / 3_600)h" + twoDigits(total / 60 % 60) + "m"
        default: return "\(total / 86_400)d" + twoDigits(total / 3_600 % 24) + "h"
        }
    }

    /// `87%`; `-` for none.
    static func percent(_ ratio: Double?) -> String {
        ratio.map { "\(Int(($0 * 100).rounded()))%" } ?? "-"
    }

    /// `yes` or `no`.
    static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
