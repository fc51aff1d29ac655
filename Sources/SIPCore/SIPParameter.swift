/// One `name[=value]` parameter of a URI or header (RFC 3261 §25.1 `generic-param`), order kept.
public struct SIPParameter: Hashable, Sendable {
    /// The parameter name as received (compare case-insensitively).
    public var name: String
    /// The value, or nil for a flag parameter such as `lr` or `rport`.
    public var value: String?

    /// Creates a parameter.
    public init(name: String, value: String? = nil) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == SIPParameter {
    /// The first parameter named `name` (case-insensitive); `.some(nil)` for a flag parameter.
    public subscript(parameter name: String) -> String?? {
        get {
            guard let found = first(where: { $0.name.equalsIgnoringASCIICase(name) }) else { return nil }
            return .some(found.value)
        }
        set {
            let index = firstIndex(where: { $0.name.equalsIgnoringASCIICase(name) })
            switch (index, newValue) {
            case (let index?, .some(let value)): self[index].value = value
            case (let index?, .none): remove(at: index)
            case (nil, .some(let value)): append(SIPParameter(name: name, value: value))
            case (nil, .none): break
            }
        }
    }
}
