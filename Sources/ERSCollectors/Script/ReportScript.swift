/// The system report script: POSIX `sh` text sent on stdin (`sh -s`), never on a command line.
///
/// It runs with `LC_ALL=C`. Each section runs as `sh -c BODY` under `timeout(1)` when the host
/// has one (GNU `timeout -k 1 N`, BusyBox `timeout -t N` or `timeout N`), else without; a body
/// exits 127 when none of the commands it needs exists. Output format (one line each, `TOKEN`
/// is a random per-run token so no section output can forge a marker):
///
///     @@ERS-REPORT 1 TOKEN
///     @@ERS TOKEN BEGIN <section>
///     …section output…
///     @@ERS TOKEN END <section> <exit status> <timeout: 1 when run under timeout(1), else 0>
///     @@ERS TOKEN DONE
///
/// ``ReportParser`` reads it back. HTTP agents return the same format.
public enum ReportScript {
    /// The sections, in order, with each one's time limit in seconds.
    public static let sections: [(name: String, seconds: Int)] = [
        ("identity", 5), ("os", 5), ("kernel", 5), ("cpu", 5), ("memory", 5), ("uptime", 5),
        ("filesystems", 10), ("network", 5), ("ports", 5), ("packages", 20),
    ]

    /// The script text for one run. `token` must be 8–64 letters or digits (the collectors
    /// make a random one with ``makeToken()``).
    public static func text(token: String) -> String {
        var lines = [prologue.replacingPlaceholder(token)]
        for (name, seconds) in sections {
            guard let body = bodies[name] else { continue }
            lines.append("ERS_SECTION_\(name)='\(body)'")
            lines.append("ers_run \(name) \(seconds) \"$ERS_SECTION_\(name)\"")
        }
        lines.append("echo \"@@ERS $ERS_TOKEN DONE\"")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A random 32-hex-digit token for ``text(token:)``.
    public static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    static let prologue = """
    LC_ALL=C; export LC_ALL
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH; export PATH
    ERS_TOKEN=@TOKEN@
    ERS_TO=
    if command -v timeout >/dev/null 2>&1; then
      if timeout -k 1 5 true >/dev/null 2>&1; then ERS_TO='timeout -k 1'
      elif timeout -t 5 true >/dev/null 2>&1; then ERS_TO='timeout -t'
      elif timeout 5 true >/dev/null 2>&1; then ERS_TO='timeout'
      fi
    fi
    ers_run() {
      echo "@@ERS $ERS_TOKEN BEGIN $1"
      if [ -n "$ERS_TO" ]; then
        $ERS_TO "$2" sh -c "$3" </dev/null 2>&1; ers_rc=$?; ers_t=1
      else
        sh -c "$3" </dev/null 2>&1; ers_rc=$?; ers_t=0
      fi
      echo ""
      echo "@@ERS $ERS_TOKEN END $1 $ers_rc $ers_t"
    }
    echo "@@ERS-REPORT 1 $ERS_TOKEN"
    """

    /// Section bodies (single-quoted in the script: they must contain no `'`).
    static let bodies: [String: String] = [
        "identity": """
        h=
        [ -r /proc/sys/kernel/hostname ] && read -r h < /proc/sys/kernel/hostname
        [ -n "$h" ] || h=$(hostname 2>/dev/null || uname -n 2>/dev/null) || exit 127
        echo "hostname=$h"
        for f in /etc/machine-id /var/lib/dbus/machine-id; do
          if [ -r "$f" ]; then read -r m < "$f"; echo "machine_id=$m"; break; fi
        done
        """,
        "os": """
        for f in /etc/os-release /usr/lib/os-release; do
          if [ -r "$f" ]; then cat "$f"; exit 0; fi
        done
        exit 127
        """,
        "kernel": """
        command -v uname >/dev/null 2>&1 || exit 127
        uname -srm
        """,
        "cpu": """
        n=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null || grep -c "^processor" /proc/cpuinfo 2>/dev/null) || exit 127
        echo "count=$n"
        m=
        if [ -r /proc/cpuinfo ]; then
          while IFS= read -r l; do
            case $l in "model name"*|Hardware*|"cpu model"*|Processor*) m=${l#*:}; m=${m# }; m=${m#	}; break ;; esac
          done < /proc/cpuinfo
        fi
        echo "model=$m"
        """,
        "memory": """
        [ -r /proc/meminfo ] || exit 127
        cat /proc/meminfo
        """,
        "uptime": """
        if [ -r /proc/uptime ]; then read -r u < /proc/uptime; read -r l < /proc/loadavg; echo "uptime=$u"; echo "loadavg=$l"; exit 0; fi
        command -v uptime >/dev/null 2>&1 || exit 127
        echo "uptime_text=$(uptime)"
        """,
        "filesystems": """
        command -v df >/dev/null 2>&1 || exit 127
        df -P -k
        """,
        "network": """
        if command -v ip >/dev/null 2>&1; then echo "tool=ip"; ip -o addr show; exit $?; fi
        if command -v ifconfig >/dev/null 2>&1; then echo "tool=ifconfig"; ifconfig -a; exit $?; fi
        exit 127
        """,
        "ports": """
        if command -v ss >/dev/null 2>&1; then echo "tool=ss"; ss -ltn; exit $?; fi
        if command -v netstat >/dev/null 2>&1; then echo "tool=netstat"; netstat -ltn; exit $?; fi
        exit 127
        """,
        "packages": """
        if command -v dpkg-query >/dev/null 2>&1; then
          echo "manager=dpkg"
          if [ -r /var/lib/dpkg/status ]; then n=$(grep -c "^Status: install ok installed" /var/lib/dpkg/status)
          else n=$(dpkg-query -W -f="\\${Status}\\n" 2>/dev/null | grep -c "install ok installed"); fi
          echo "count=$n"; exit 0
        fi
        if command -v rpm >/dev/null 2>&1; then echo "manager=rpm"; n=$(rpm -qa 2>/dev/null | wc -l); echo "count=$n"; exit 0; fi
        if command -v apk >/dev/null 2>&1; then echo "manager=apk"; n=$(apk info 2>/dev/null | wc -l); echo "count=$n"; exit 0; fi
        exit 127
        """,
    ]
}

extension String {
    fileprivate func replacingPlaceholder(_ token: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: "@TOKEN@") {
            result += rest[..<range.lowerBound] + token
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
