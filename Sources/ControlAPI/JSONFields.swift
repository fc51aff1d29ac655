import Foundation
import Hummingbird

/// A request's JSON object body, read strictly: an empty body is an empty object, a field the
/// action does not take is refused by name, and every getter names the field it refuses.
struct JSONFields {
    /// The largest body read.
    static let maximumBytes = 16_384

    private let fields: [String: JSONValue]

    /// Reads the body of `request` and refuses any field outside `allowed`.
    static func read(_ request: Request, allowing allowed: Set<String>) async throws -> JSONFields {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBytes)
        } catch {
            throw ControlError.badRequest(field: nil, message: "the body is larger than \(maximumBytes) bytes")
        }
        let data = Data(buffer.readableBytesView)
        let fields: [String: JSONValue]
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            fields = [:]
        } else {
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else {
                throw ControlError.badRequest(field: nil, message: "the body is not valid JSON")
            }
            guard case .object(let object) = value else {
                throw ControlError.badRequest(field: nil, message: "the body must be a JSON object, not \(value.typeName)")
            }
            fields = object
        }
        if let unknown = fields.keys.sorted().first(where: { !allowed.contains($0) }) {
            let expected = allowed.isEmpty ? "this action takes no fields" : "expected \(allowed.sorted().joined(separator: ", "))"
            throw ControlError.badRequest(field: unknown, message: "unknown field \"\(unknown)\"; \(expected)")
        }
        return JSONFields(fields: fields)
    }

    /// Whether the field is present (and not null).
    func has(_ name: String) -> Bool {
        if case .null = fields[name] ?? .null { return false }
        return true
    }

    /// A required or optional string.
    func string(_ name: String) throws -> String? {
        switch fields[name] ?? .null {
        case .null: return nil
        case .string(let value): return value
        case let other: throw ControlError.badRequest(field: name, message: "\(name) must be a string, not \(other.typeName)")
        }
    }

    /// A required or optional boolean.
    func bool(_ name: String) throws -> Bool? {
        switch fields[name] ?? .null {
        case .null: return nil
        case .bool(let value): return value
        case let other: throw ControlError.badRequest(field: name, message: "\(name) must be true or false, not \(other.typeName)")
        }
    }

    /// A required or optional whole number.
    func integer(_ name: String) throws -> Int? {
        switch fields[name] ?? .null {
        case .null: return nil
        case .integer(let value): return value
        case let other: throw ControlError.badRequest(field: name, message: "\(name) must be a whole number, not \(other.typeName)")
        }
    }

    /// A field that must be present.
    func required<Value>(_ name: String, _ read: (String) throws -> Value?) throws -> Value {
        guard let value = try read(name) else { throw ControlError.badRequest(field: name, message: "\(name) is required") }
        return value
    }
}
