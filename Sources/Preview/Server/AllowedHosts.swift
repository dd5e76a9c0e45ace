import Foundation

/// The names a request may give in its `Host:` header, and the origins that may open the event stream: the names serve
/// is listening as, each with its port.
///
/// Any web page the person visits can point a name of its own at 127.0.0.1 (DNS rebinding) and then read the preview
/// as that name, drafts included, unless the server answers only to its own names. Those are `127.0.0.1`,
/// `localhost` and `[::1]`, and the address given with `--host`. An address that listens on every interface
/// (`0.0.0.0`, `::`) is reached by this computer's own addresses and names too: the addresses of its network
/// interfaces, its host name and the host name with `.local`. A page's attacker cannot make a browser send one of
/// those for a name it controls, so they are safe to take.
public struct AllowedHosts: Sendable {
    /// Each allowed `Host:` value, in lower case: `127.0.0.1:1313`, `[::1]:1313`. Without the port too when it is 80.
    public let authorities: Set<String>
    /// The address to send people to when they used another.
    public let home: String

    public init(address: ServeAddress, machineNames: [String]? = nil) {
        var names = ["127.0.0.1", "localhost", "::1", address.host]
        if address.host == "0.0.0.0" || address.host == "::" {
            names += machineNames ?? Self.machineNames(ip6: address.host == "::")
        }
        var authorities = Set<String>()
        for name in names {
            let host = name.contains(":") ? "[\(name)]" : name
            authorities.insert("\(host):\(address.port)".lowercased())
            if address.port == 80 { authorities.insert(host.lowercased()) }
        }
        self.authorities = authorities
        home = address.url
    }

    /// Whether a request's `Host:` header names this server.
    public func allows(host: String) -> Bool {
        authorities.contains(host.lowercased())
    }

    /// Whether a page at this origin (`Origin:` header, `http://127.0.0.1:1313`) is one of this server's own.
    public func allows(origin: String) -> Bool {
        let origin = origin.lowercased()
        guard origin.hasPrefix("http://") else { return false }
        return allows(host: String(origin.dropFirst("http://".count)))
    }

    /// The text of a C buffer, up to its first NUL.
    private static func text(of buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// This computer's host name (with and without `.local`) and the addresses of its network interfaces.
    static func machineNames(ip6: Bool) -> [String] {
        var names: [String] = []
        var buffer = [CChar](repeating: 0, count: 256)
        if gethostname(&buffer, buffer.count - 1) == 0 {
            let name = Self.text(of: buffer)
            if !name.isEmpty {
                names.append(name)
                if !name.hasSuffix(".local") { names.append(name + ".local") }
            }
        }
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return names }
        defer { freeifaddrs(list) }
        var next = list
        while let entry = next {
            defer { next = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr else { continue }
            let family = Int32(address.pointee.sa_family)
            guard family == AF_INET || (ip6 && family == AF_INET6) else { continue }
            let length = socklen_t(family == AF_INET ? MemoryLayout<sockaddr_in>.size : MemoryLayout<sockaddr_in6>.size)
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 else {
                continue
            }
            let text = Self.text(of: host)
            // A link-local IPv6 address needs its interface named (`fe80::1%eth0`), which browsers do not take.
            if !text.contains("%") { names.append(text) }
        }
        return names
    }
}
