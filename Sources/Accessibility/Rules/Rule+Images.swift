extension Rule {
    public static let imageAltMissing = Rule(
        id: "img-alt-missing", criteria: ["1.1.1"], severity: .error, group: .images,
        summary: "Every image has alt text, or is marked decorative so screen readers skip it.",
        hint: "Write what the image shows inside the brackets, ![like this](photo.jpg), or write ![\"\"](photo.jpg) if it is only decoration.",
        axeRule: "image-alt", scopes: [.content, .page])

    public static let imageAltFileName = Rule(
        id: "img-alt-filename", criteria: ["1.1.1"], severity: .error, group: .images,
        summary: "Alt text that is a file name or a web address tells a screen reader user nothing about the image.",
        hint: "Replace it with a short description of what the image shows and why it is there.",
        scopes: [.content, .page])

    public static let imageAltGeneric = Rule(
        id: "img-alt-generic", criteria: ["1.1.1"], severity: .error, group: .images,
        summary: "Alt text that only says \"image\", \"photo\" or \"graphic\" does not describe the image.",
        hint: "Say what the image shows, for example \"The commissioner opening the new station\".",
        scopes: [.content, .page])

    public static let imageAltRedundantPrefix = Rule(
        id: "img-alt-redundant-prefix", criteria: ["1.1.1"], severity: .warning, group: .images,
        summary: "Screen readers already say it is an image: alt text need not start \"image of\" or \"picture of\".",
        hint: "Drop the opening words and start with what the image shows.",
        scopes: [.content, .page])

    public static let imageAltLong = Rule(
        id: "img-alt-long", criteria: ["1.1.1"], severity: .warning, group: .images,
        summary: "Alt text over about 150 characters is hard to listen to and cannot be navigated.",
        hint: "Keep the alt text short and put the full description (a chart's data, say) in the page text.",
        scopes: [.content, .page])

    public static let imageAltRepeatsText = Rule(
        id: "img-alt-repeats-text", criteria: ["1.1.1"], severity: .warning, group: .images,
        summary: "Alt text that repeats the text or caption beside the image makes screen reader users hear it twice.",
        hint: "Describe what the image adds, or mark it decorative with ![\"\"](file) if the text already says it all.",
        axeRule: "image-redundant-alt", scopes: [.content, .page])

    public static let imageLinkAlt = Rule(
        id: "img-link-alt", criteria: ["1.1.1", "2.4.4", "4.1.2"], severity: .error, group: .images,
        summary: "An image that is a link's only content needs alt text saying where the link goes.",
        hint: "Give the image alt text naming the link's destination, for example \"Report a crime online\".",
        axeRule: "link-name", scopes: [.content, .page])
}
