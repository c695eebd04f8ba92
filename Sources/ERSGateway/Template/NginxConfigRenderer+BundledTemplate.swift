extension NginxConfigRenderer {
    /// The text of `templates/nginx.conf.mustache` as compiled into ERSGateway.
    ///
    /// Compiled in rather than shipped as a SwiftPM resource: on Linux a resource bundle must be
    /// installed beside the executable (the generated `Bundle.module` accessor traps when it is
    /// missing) and a symlinked resource is copied as a dangling link. A compiled-in string works
    /// from any working directory and for a copied binary. `BundledTemplateTests` fails while
    /// this copy and the file differ; `ERS_UPDATE_GOLDEN=1 swift test --filter ERSGatewayTests`
    /// regenerates it.
    public static func bundledTemplate() -> String { BundledNginxTemplate.text }
}
