/// The herald.yml every test site shares, with the menus a test gives. The default menus go to
/// pages every test site has (the home page, the A to Z): a menu link to a page the site does
/// not make is an error.
public enum TestConfig {
    /// - Parameter extra: lines after the menus (`search: true`).
    public static func text(navigation: [(title: String, url: String)] = [("A to Z", "/a-to-z/")],
                            footer: [(title: String, url: String)] = [("Home", "/")], extra: String = "") -> String {
        func menu(_ links: [(title: String, url: String)]) -> String {
            links.map { "  - { title: \($0.title), url: \($0.url) }" }.joined(separator: "\n")
        }
        return """
        title: Test Commissioner
        base_url: https://example.gov.uk
        language: en-GB
        organisation:
          name: Office of the Test Commissioner
        navigation:
        \(menu(navigation))
        footer:
        \(menu(footer))
        """ + (extra.isEmpty ? "" : "\n" + extra)
    }
}
