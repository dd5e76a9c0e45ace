import FlyingSocks
import Foundation

/// Where the server listens: a host address and a port, with a free port found when the one asked for is taken.
public struct ServeAddress: Sendable, Equatable {
    public var host: String
    public var port: UInt16

    public init(host: String, port: UInt16) {
        self.host = host == "localhost" ? "127.0.0.1" : host
        self.port = port
    }

    /// Whether only this computer can reach the server.
    public var isLoopback: Bool { host.hasPrefix("127.") || host == "::1" }

    /// `http://127.0.0.1:1313/`, or `http://[::1]:1313/` for an IPv6 address.
    public var url: String {
        host.contains(":") ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/"
    }

    /// The socket address, or a plain-words error when the host is not an IP address.
    func socketAddress() throws -> any SocketAddress {
        do {
            if host.contains(":") { return try sockaddr_in6.inet6(ip6: host, port: port) }
            return try sockaddr_in.inet(ip4: host, port: port)
        } catch {
            throw ServeError("--host should be an IP address such as 127.0.0.1, 0.0.0.0 or ::1, not \(host).")
        }
    }

    /// A socket listening here, and the address it listens at. Port 0 means any free port, chosen by the system;
    /// when the port asked for is taken, the first free one of the next 99 is used.
    public func listen() throws -> (socket: Socket, address: ServeAddress) {
        _ = try socketAddress()
        if port == 0 {
            guard let socket = try? bound() else {
                throw ServeError("No free port to listen on at \(host).")
            }
            return (socket, ServeAddress(host: host, port: try Self.port(of: socket)))
        }
        for offset in 0..<100 where Int(port) + offset <= Int(UInt16.max) {
            let candidate = ServeAddress(host: host, port: port + UInt16(offset))
            if let socket = try? candidate.bound() { return (socket, candidate) }
        }
        let last = min(Int(port) + 99, Int(UInt16.max))
        throw ServeError("Ports \(port) to \(last) on \(host) are all in use. Give another with --port.")
    }

    /// A socket bound to this address and listening, or an error when another program has the port.
    private func bound() throws -> Socket {
        let address = try socketAddress()
        let socket = try Socket(domain: Int32(type(of: address).family))
        do {
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: address)
        } catch {
            try? socket.close()
            throw error
        }
        try socket.listen()  // closes the socket itself when it fails
        return socket
    }

    private static func port(of socket: Socket) throws -> UInt16 {
        switch try socket.sockname() {
        case .ip4(_, let port), .ip6(_, let port): return port
        case .unix: throw ServeError("The server is not listening on a network address.")
        }
    }
}

/// Why `signpost serve` cannot start, in plain words.
public struct ServeError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
