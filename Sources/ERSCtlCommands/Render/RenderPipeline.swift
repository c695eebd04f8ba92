import ERSModel
import ERSRender

/// Runs every renderer on a validated spec and collects their files. Pure: no I/O.
struct RenderPipeline {
    /// The first month of the initial partitions in the SQL render.
    var asOf: YearMonthText

    /// All rendered files, sorted by path.
    func render(_ spec: SystemSpec) throws -> [RenderedFile] {
        let files: [RenderedFile] = []
        return files.sorted { $0.path < $1.path }
    }
}

/// A `YYYY-MM` month as given on the command line (parsed by the SQL renderer).
typealias YearMonthText = String
