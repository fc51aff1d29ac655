/// The media direction attributes of RFC 4566 §6 (RFC 3264 §5.1): which way media flows.
public enum SDPDirection: String, Hashable, Sendable {
    /// Both ways, the default when no direction attribute is present.
    case sendrecv
    /// Only from the describing side; a party putting the other on hold offers this.
    case sendonly
    /// Only towards the describing side.
    case recvonly
    /// Neither way.
    case inactive
}

extension SDPDirection {
    /// The first direction attribute among `attributes`.
    static func first(in attributes: [SDPAttribute]) -> SDPDirection? {
        for attribute in attributes where attribute.value == nil {
            if let direction = SDPDirection(rawValue: attribute.name) { return direction }
        }
        return nil
    }

    /// Puts `direction` where the first direction attribute stood (appending when there was none) and
    /// removes the others; nil removes them all.
    static func replace(in attributes: inout [SDPAttribute], with direction: SDPDirection?) {
        let isDirection = { (attribute: SDPAttribute) in attribute.value == nil && SDPDirection(rawValue: attribute.name) != nil }
        let position = attributes.firstIndex(where: isDirection) ?? attributes.endIndex
        attributes.removeAll(where: isDirection)
        if let direction { attributes.insert(SDPAttribute(name: direction.rawValue), at: min(position, attributes.endIndex)) }
    }
}
