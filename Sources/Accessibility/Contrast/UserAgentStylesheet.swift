/// The parts of a browser's default stylesheet (HTML Living Standard §15, with Chromium's form
/// control colours) that decide what is shown, in which colours and at what size.
enum UserAgentStylesheet {
    static let sheet = Stylesheet(path: "", text: css)

    static let css = """
    head, script, style, template, title, meta, link, base, noscript, datalist, param, source, track, area,
    [hidden], input[type=hidden i], dialog:not([open]), slot { display: none }
    details:not([open]) > :not(summary), [popover]:not(:popover-open) { display: none }
    a:any-link { color: LinkText; text-decoration: underline }
    a:visited { color: VisitedText }
    a:any-link:active { color: ActiveText }
    b, strong { font-weight: bolder }
    th, optgroup, dt { font-weight: bold }
    h1 { font-size: 2em; font-weight: bold }
    h2 { font-size: 1.5em; font-weight: bold }
    h3 { font-size: 1.17em; font-weight: bold }
    h4 { font-size: 1em; font-weight: bold }
    h5 { font-size: 0.83em; font-weight: bold }
    h6 { font-size: 0.67em; font-weight: bold }
    small, sub, sup { font-size: smaller }
    big { font-size: larger }
    mark { background-color: Mark; color: MarkText }
    u, ins { text-decoration: underline }
    abbr[title], acronym[title] { text-decoration: underline dotted }
    input, textarea, select, button { font-size: 13.3333px; font-weight: normal }
    input, textarea { color: FieldText; background-color: Field; border: 2px inset ButtonBorder }
    select { color: FieldText; background-color: Field; border: 1px solid ButtonBorder }
    button, input[type=submit i], input[type=button i], input[type=reset i], input[type=file i], input[type=color i] {
      color: ButtonText; background-color: ButtonFace; border: 2px outset ButtonBorder
    }
    :focus-visible { outline: auto 1px -webkit-focus-ring-color }
    """
}
