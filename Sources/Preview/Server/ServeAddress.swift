import FlyingSocks
import Foundation

/// Where the server listens: a host address and a port, with the free port found when the one asked for is taken.
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

    /// Whether a server could listen here now. Another program listening on the port makes this false.
    func isFree() -> Bool {
        guard let address = try? socketAddress(), let socket = try? Socket(domain: Int32(type(of: address).family))
        else { return false }
        defer { try? socket.close() }
        try? socket.setValue(true, for: .localAddressReuse)
        do {
            try socket.bind(to: address)
            try socket.listen()
            return true
        } catch {
            return false
        }
    }

    /// This address, or the first of the next 100 ports that is free.
    public func firstFree() throws -> ServeAddress {
        _ = try socketAddress()
        for offset in 0..<100 {
            let candidate = ServeAddress(host: host, port: port &+ UInt16(offset))
            if candidate.port != 0 && candidate.isFree() { return candidate }
        }
        throw ServeError("Ports \(port) to \(port &+ 99) on \(host) are all in use. Give another with --port.")
    }
}

/// Why `signpost serve` cannot start, in plain words.
public struct ServeError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
