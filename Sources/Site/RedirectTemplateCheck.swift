import Content
import Core
import Templates

/// An alias becomes a redirect page made from the theme's `redirect` template alone (no layout,
/// no fallback to `page`): without the template each alias would be published as an empty file.
enum RedirectTemplateCheck {
    /// An error at every alias, when the theme has no redirect template.
    static func problems(in tree: ContentTree, templates: TemplateSet) -> [Diagnostic] {
        guard !templates.has("redirect") else { return [] }
        let template = Path.join(templates.displayRoot, "redirect.mustache")
        return tree.pages.flatMap { page in
            page.metadata.aliases.map { alias in
                Diagnostic(.error, "the alias \(alias.value) needs the theme's \(template), which is missing", at: alias.location,
                           hint: "Ask whoever looks after the theme to add it (docs/templates.md), or remove the alias.",
                           sourceLine: page.sourceLine(alias.location.line))
            }
        }
    }
}
