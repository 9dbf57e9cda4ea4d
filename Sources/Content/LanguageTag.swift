import Core

/// Language tags in front matter (`lang`) and the site config (`language`): valid exactly when
/// the linter finds the rendered page's `lang` valid (`BCP47`), so a tag refused there is
/// reported here, at the line the author wrote, not at the template that printed it.
public enum LanguageTag {
    public static func isValid(_ tag: String) -> Bool { BCP47.problem(with: tag) == nil }
}
