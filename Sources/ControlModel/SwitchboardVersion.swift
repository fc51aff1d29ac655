/// The version of switchboardd and switchboard, reported by `GET /v1/status` and `--version`.
public enum SwitchboardVersion {
    /// The release this source tree builds.
    public static let current = "0.9.0"
}
