import SIPCore
import Testing

/// RFC 5118: IPv6 torture messages, written from the RFC's text into `Fixtures/rfc5118`.
/// IPv6 references keep their brackets in `host`; SDP addresses have none.
@Suite("RFC 5118 IPv6 torture tests")
struct RFC5118Tests {
    static let valid = ["ipv6-good", "port-ambiguous", "port-unambiguous", "via-received-param-with-delim",
                        "via-received-param-no-delim", "ipv6-in-sdp", "mult-ip-in-header", "mult-ip-in-sdp",
                        "ipv4-mapped-ipv6", "ipv6-bug-abnf-3-colons", "ipv6-correct-abnf-2-colons"]

    private func request(_ name: String) throws -> SIPRequest {
        guard case .request(let request) = try SIPMessage(parsing: Fixture(folder: "rfc5118", name: name).bytes) else {
            throw Unexpected.response
        }
        return request
    }

    @Test("valid messages parse and round-trip", arguments: valid)
    func validMessageRoundTrips(name: String) throws {
        let message = try SIPMessage(parsing: Fixture(folder: "rfc5118", name: name).bytes)
        #expect(try SIPMessage(parsing: message.serialized()) == message)
    }

    @Test("§4.1 an IPv6 reference in the Request-URI, Via and Contact")
    func ipv6Reference() throws {
        let request = try request("ipv6-good")
        #expect(request.requestURI.host == "[2001:db8::10]")
        #expect(request.headers.via.first?.host == "[2001:db8::9:1]")
        #expect(request.headers.contact.first?.uri.host == "[2001:db8::1]")
    }

    @Test("§4.2 an IPv6 Request-URI without brackets is answered with 400")
    func ipv6WithoutBrackets() {
        let error = #expect(throws: SIPParseError.self) {
            try SIPMessage(parsing: Fixture(folder: "rfc5118", name: "ipv6-bad").bytes)
        }
        #expect(error?.reason == .malformedRequestURI)
        #expect(error?.responseHeaders?.via.first?.host == "[2001:db8::9:1]")
    }

    @Test("§4.3 and §4.4 a port inside the brackets is part of the address, one outside is the port",
          arguments: [("port-ambiguous", "[2001:db8::10:5070]", nil), ("port-unambiguous", "[2001:db8::10]", 5070)])
    func portPlacement(name: String, host: String, port: Int?) throws {
        let request = try request(name)
        #expect(request.requestURI.host == host)
        #expect(request.requestURI.port == port)
    }

    @Test("§4.5 the received parameter with and without brackets",
          arguments: [("via-received-param-with-delim", "[2001:db8::9:255]"), ("via-received-param-no-delim", "2001:db8::9:255")])
    func receivedParameter(name: String, received: String) throws {
        #expect(try request(name).headers.via.first?.received == received)
    }

    @Test("§4.6 IPv6 addresses in SDP")
    func ipv6InSDP() throws {
        let sdp = try SessionDescription(parsing: try request("ipv6-in-sdp").body)
        #expect(sdp.origin.addressType == "IP6")
        #expect(sdp.connection == SDPConnection(addressType: "IP6", address: "2001:db8::20"))
        #expect(sdp.media.map(\.port) == [6000, 6024])
    }

    @Test("§4.7 IPv4 and IPv6 Vias mixed")
    func mixedVias() throws {
        let via = try request("mult-ip-in-header").headers.via
        #expect(via.map(\.host) == ["[2001:db8::9:1]", "192.0.2.1", "[2001:db8::9:255]"])
        #expect(via.map(\.port) == [6050, nil, nil])
        #expect(via.map(\.transport) == ["UDP", "UDP", "TCP"])
        #expect(via.last?.received == "192.0.2.200")
    }

    @Test("§4.8 one connection address per media line")
    func connectionPerMedia() throws {
        let sdp = try SessionDescription(parsing: try request("mult-ip-in-sdp").body)
        #expect(sdp.connection == nil)
        #expect(sdp.sessionName.isEmpty)
        #expect(sdp.media.map(\.connections) == [[SDPConnection(address: "192.0.2.1")],
                                                  [SDPConnection(addressType: "IP6", address: "2001:db8::1")]])
    }

    @Test("§4.9 IPv4-mapped IPv6 addresses")
    func ipv4MappedAddresses() throws {
        let request = try request("ipv4-mapped-ipv6")
        #expect(request.headers.via.first?.host == "[::ffff:192.0.2.10]")
        #expect(request.headers.via.first?.port == 19823)
        #expect(request.headers.contact.first?.uri.host == "[::ffff:192.0.2.2]")
        #expect(try SessionDescription(parsing: request.body).connection?.address == "::ffff:192.0.2.2")
    }

    @Test("§4.10 the three-colon reference of RFC 3261's ABNF bug is accepted as written")
    func threeColons() throws {
        #expect(try request("ipv6-bug-abnf-3-colons").requestURI.host == "[2001:db8:::192.0.2.1]")
        #expect(try request("ipv6-correct-abnf-2-colons").requestURI.host == "[2001:db8::192.0.2.1]")
    }
}
