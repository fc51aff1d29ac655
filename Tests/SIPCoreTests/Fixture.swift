import Foundation
import Testing

/// A byte-exact test message stored under `Fixtures/`.
struct Fixture: CustomTestStringConvertible, Sendable {
    /// The folder under `Fixtures/`, such as `rfc4475`.
    let folder: String
    /// The file name without its `.dat` extension.
    let name: String

    /// The file's bytes.
    var bytes: [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "dat", subdirectory: "Fixtures/\(folder)"),
              let data = try? Data(contentsOf: url)
        else { fatalError("missing fixture \(folder)/\(name).dat") }
        return [UInt8](data)
    }

    var testDescription: String { "\(folder)/\(name)" }
}
