extension SessionDescription {
    /// The description in wire form, CRLF after every line, in the order of RFC 4566 §5.
    public func serialized() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        bytes.append(sdp: "v", String(version))
        bytes.append(sdp: "o", "\(origin.username) \(origin.sessionID) \(origin.sessionVersion) \(origin.networkType) "
            + "\(origin.addressType) \(origin.unicastAddress)")
        bytes.append(sdp: "s", sessionName)
        information.forEach { bytes.append(sdp: $0.type, $0.value) }
        if let connection { bytes.append(connection: connection) }
        bandwidths.forEach { bytes.append(sdp: "b", $0) }
        timing.forEach { bytes.append(sdp: $0.type, $0.value) }
        attributes.forEach { bytes.append(attribute: $0) }
        for description in media {
            var line = "\(description.media) \(description.port)"
            if let count = description.portCount { line += "/\(count)" }
            line += " " + ([description.proto] + description.formats).joined(separator: " ")
            bytes.append(sdp: "m", line)
            description.information.forEach { bytes.append(sdp: "i", $0.value) }
            description.connections.forEach { bytes.append(connection: $0) }
            description.bandwidths.forEach { bytes.append(sdp: "b", $0) }
            description.keys.forEach { bytes.append(sdp: "k", $0.value) }
            description.attributes.forEach { bytes.append(attribute: $0) }
        }
        return bytes
    }
}

extension Array where Element == UInt8 {
    /// Appends `<type>=<value>` and CRLF.
    fileprivate mutating func append(sdp type: Character, _ value: String) {
        append(contentsOf: type.utf8)
        append(0x3D)
        append(sip: value)
        appendCRLF()
    }

    fileprivate mutating func append(connection: SDPConnection) {
        append(sdp: "c", "\(connection.networkType) \(connection.addressType) \(connection.address)")
    }

    fileprivate mutating func append(attribute: SDPAttribute) {
        append(sdp: "a", attribute.value.map { attribute.name + ":" + $0 } ?? attribute.name)
    }
}
