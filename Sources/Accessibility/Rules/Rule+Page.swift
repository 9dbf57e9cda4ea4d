extension Rule {
    public static let htmlLang = Rule(
        id: "html-lang", criteria: ["3.1.1"], severity: .error, group: .page,
        summary: "The page's <html> element has a lang attribute, so screen readers use the right voice.",
        hint: "Set `language` in herald.yml (for example en-GB) and keep <html lang=\"{{site.language}}\"> in the layout.",
        axeRule: "html-has-lang", scopes: [.page])

    public static let htmlLangValid = Rule(
        id: "html-lang-valid", criteria: ["3.1.1"], severity: .error, group: .page,
        summary: "The page's lang attribute is a valid BCP 47 language tag.",
        hint: "Use a tag such as en-GB, cy or pl.",
        axeRule: "html-lang-valid", scopes: [.page])

    public static let langValid = Rule(
        id: "lang-valid", criteria: ["3.1.2"], severity: .error, group: .page,
        summary: "A lang attribute on a part of the page is a valid BCP 47 language tag.",
        hint: "Use a tag such as cy, pl or ro, or a page's `lang` front matter with one.",
        axeRule: "valid-lang", scopes: [.page])

    public static let pageTitle = Rule(
        id: "page-title", criteria: ["2.4.2"], severity: .error, group: .page,
        summary: "Every page has a non-empty <title>, the first thing a screen reader reads.",
        hint: "Give the page a `title` in its front matter, and keep <title> in the layout.",
        axeRule: "document-title", scopes: [.page])

    public static let pageTitleUnique = Rule(
        id: "page-title-unique", criteria: ["2.4.2"], severity: .warning, group: .page,
        summary: "Each page's title is different from every other page's, so people can tell tabs and search results apart.",
        hint: "Change one of the titles so it says what is different about that page.",
        scopes: [.site])

    public static let landmarkOneMain = Rule(
        id: "landmark-one-main", criteria: ["1.3.1", "2.4.1"], severity: .error, group: .page,
        summary: "A page has exactly one <main>, so people can jump straight to the content.",
        hint: "Keep one <main id=\"main-content\"> in the layout, around the page content only.",
        axeRule: "landmark-one-main", scopes: [.page])

    public static let landmarkNoDuplicateMain = Rule(
        id: "landmark-no-duplicate-main", criteria: ["1.3.1", "2.4.1"], severity: .error, group: .page,
        summary: "A page has no second <main>: screen reader users jump to the first and miss the rest.",
        hint: "Keep one <main id=\"main-content\"> in the layout; use <section> or <div> for parts inside it.",
        axeRule: "landmark-no-duplicate-main", scopes: [.page])

    public static let skipLink = Rule(
        id: "skip-link", criteria: ["2.4.1"], severity: .error, group: .page,
        summary: "A skip link goes somewhere: the id it points to exists on the page.",
        hint: "Point the skip link at the main element's id: <a href=\"#main-content\"> and <main id=\"main-content\">.",
        axeRule: "skip-link", scopes: [.page])

    public static let skipLinkMissing = Rule(
        id: "skip-link-missing", criteria: ["2.4.1"], severity: .warning, group: .page,
        summary: "The first link on the page lets keyboard users skip the header and navigation.",
        hint: "Make the first thing in <body> a link like <a href=\"#main-content\">Skip to main content</a>.",
        axeRule: "bypass", scopes: [.page])

    public static let idUnique = Rule(
        id: "id-unique", criteria: ["1.3.1", "4.1.2"], severity: .error, group: .page,
        summary: "Every id on a page is different: labels, skip links and table captions find their target by id.",
        hint: "Rename one of the two: two headings with the same words get -2 added automatically, so look for ids written in the template or raw HTML.",
        axeRule: "duplicate-id-aria", scopes: [.page])

    public static let tableHeaders = Rule(
        id: "table-headers", criteria: ["1.3.1"], severity: .error, group: .page,
        summary: "A data table has header cells (<th>) so each value can be read with its column name.",
        hint: "Give the table a header row: in Markdown, the first row of a pipe table above the |---| line.",
        axeRule: "td-has-header", scopes: [.page])

    public static let tableCaption = Rule(
        id: "table-caption", criteria: ["1.3.1"], severity: .warning, group: .page,
        summary: "A data table has a caption saying what it shows.",
        hint: "Write a line `Table: what the table shows` directly above the table.",
        scopes: [.page])

    public static let listChildren = Rule(
        id: "list-children", criteria: ["1.3.1"], severity: .error, group: .page,
        summary: "A <ul> or <ol> contains only <li> items, so its length and items are announced correctly.",
        hint: "Wrap each item in <li>, or move the other element out of the list.",
        axeRule: "list", scopes: [.page])

    public static let listItemParent = Rule(
        id: "list-item-parent", criteria: ["1.3.1"], severity: .error, group: .page,
        summary: "An <li> sits directly inside a <ul>, <ol> or <menu>.",
        hint: "Put the <li> inside a <ul> or <ol>.",
        axeRule: "listitem", scopes: [.page])

    public static let definitionListChildren = Rule(
        id: "dl-children", criteria: ["1.3.1"], severity: .error, group: .page,
        summary: "A <dl> contains only <dt> and <dd> groups (optionally each in a <div>), terms before descriptions.",
        hint: "Give every description a term before it and wrap nothing else directly in the <dl>.",
        axeRule: "definition-list", scopes: [.page])

    public static let definitionListItemParent = Rule(
        id: "dl-item-parent", criteria: ["1.3.1"], severity: .error, group: .page,
        summary: "A <dt> or <dd> sits inside a <dl> (directly, or in a <div> that is a child of one).",
        hint: "Put the term and its description inside a <dl>.",
        axeRule: "dlitem", scopes: [.page])

    public static let iframeTitle = Rule(
        id: "iframe-title", criteria: ["4.1.2"], severity: .error, group: .page,
        summary: "An iframe has a title saying what it contains.",
        hint: "Add title=\"…\" naming what the frame shows, for example \"Map of the office location\".",
        axeRule: "frame-title", scopes: [.page])

    public static let videoCaptions = Rule(
        id: "video-captions", criteria: ["1.2.2"], severity: .error, group: .page,
        summary: "A video has captions (a <track kind=\"captions\">) or a link to a transcript beside it.",
        hint: "Add a captions file with <track kind=\"captions\" src=\"…\" srclang=\"en\">, or link to a transcript right after the video.",
        axeRule: "video-caption", scopes: [.page])

    public static let audioTranscript = Rule(
        id: "audio-transcript", criteria: ["1.2.1"], severity: .error, group: .page,
        summary: "Audio has a link to a transcript beside it.",
        hint: "Publish a transcript and link to it right after the audio player, with \"transcript\" in the link text.",
        scopes: [.page])

    public static let viewportZoom = Rule(
        id: "viewport-zoom", criteria: ["1.4.4"], severity: .error, group: .page,
        summary: "The viewport meta tag lets people zoom: no user-scalable=no, no maximum-scale under 2.",
        hint: "Use <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">.",
        axeRule: "meta-viewport", scopes: [.page])

    public static let htmlNestingDepth = Rule(
        id: "html-nesting-depth", criteria: ["1.3.1"], severity: .error, group: .page,
        summary: "A page nests elements no deeper than browsers keep (they flatten past 512 levels, losing the structure).",
        hint: "Look for a list or quote nested hundreds of levels deep, or for tags that are opened and never closed.",
        scopes: [.page])
}
