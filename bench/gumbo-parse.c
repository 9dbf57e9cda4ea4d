/* The floor under Herald's page checks: libgumbo parsing every page a build wrote, and nothing else.
 *
 * Herald parses each rendered page with libgumbo before its page rules run (a fixed choice of
 * the project), so no Herald build can take less wall time than gumbo needs for the same pages
 * on the same cores. bench/run builds this and runs it over the pages Herald just wrote, with
 * as many threads as Herald uses, and reports it beside Hugo and cmark. Gumbo allocates from
 * an arena let go once a page, as in Herald (Sources/Accessibility/HTML/GumboArena.swift):
 * the cheapest way to run it that we know.
 *
 *     cc -O2 bench/gumbo-parse.c $(pkg-config --cflags --libs gumbo) -lmimalloc -lpthread -o gumbo-parse
 *     find public -name '*.html' > pages.txt && ./gumbo-parse 2 pages.txt
 *
 * Reads the file names from the list file (standard input when none is given), one a line;
 * prints how many files and bytes it parsed and how many elements gumbo made (so a parse that
 * silently failed shows). Exits 1 when a file could not be read, 2 on bad arguments.
 */
#include <gumbo.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char **paths;
static size_t count;
static atomic_size_t next_file;
static atomic_size_t bytes, elements, failures;

/* A list of malloc'd blocks, all freed together. */
typedef struct { void **items; size_t used, capacity; } Blocks;

static void *checked(void *pointer) {
    if (!pointer) { fprintf(stderr, "gumbo-parse: out of memory\n"); exit(3); }
    return pointer;
}

static void *keep(Blocks *list, size_t size) {
    if (list->used == list->capacity)
        list->items = checked(realloc(list->items, (list->capacity = list->capacity * 2 + 8) * sizeof(void *)));
    return list->items[list->used++] = checked(malloc(size));
}

static void free_all(Blocks *list) {
    for (size_t i = 0; i < list->used; i++) free(list->items[i]);
    list->used = 0;
}

/* One thread's arena: blocks handed out in order, let go together once a page is parsed. */
typedef struct { Blocks blocks; char *current; size_t left; } Arena;
enum { BLOCK = 128 * 1024 };

static void *arena_allocate(void *userdata, size_t size) {
    Arena *arena = userdata;
    size = ((size ? size : 1) + 15) & ~(size_t)15;   /* never two answers at one address */
    if (size > BLOCK / 4) return keep(&arena->blocks, size);   /* a long text's buffer: its own block */
    if (size > arena->left) {
        arena->current = keep(&arena->blocks, BLOCK);
        arena->left = BLOCK;
    }
    void *start = arena->current;
    arena->current += size;
    arena->left -= size;
    return start;
}

static void arena_free(void *userdata, void *pointer) { (void)userdata; (void)pointer; }

static void arena_reset(Arena *arena) {
    free_all(&arena->blocks);
    arena->current = NULL;
    arena->left = 0;
}

static size_t count_elements(const GumboNode *node) {
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return 0;
    size_t total = 1;
    const GumboVector *children = &node->v.element.children;
    for (unsigned i = 0; i < children->length; i++) total += count_elements(children->data[i]);
    return total;
}

static void *work(void *unused) {
    (void)unused;
    Arena arena = {0};
    GumboOptions options = kGumboDefaultOptions;
    options.allocator = arena_allocate;
    options.deallocator = arena_free;
    options.userdata = &arena;
    for (;;) {
        size_t index = atomic_fetch_add(&next_file, 1);
        if (index >= count) { arena_reset(&arena); free(arena.blocks.items); return NULL; }
        FILE *file = fopen(paths[index], "rb");
        if (!file) { atomic_fetch_add(&failures, 1); continue; }
        long size = fseek(file, 0, SEEK_END) == 0 ? ftell(file) : -1;
        if (size < 0 || fseek(file, 0, SEEK_SET) != 0) { fclose(file); atomic_fetch_add(&failures, 1); continue; }
        char *text = checked(malloc(size > 0 ? (size_t)size : 1));
        size_t read = fread(text, 1, (size_t)size, file);
        fclose(file);
        GumboOutput *output = gumbo_parse_with_options(&options, text, read);
        atomic_fetch_add(&elements, count_elements(output->root));
        arena_reset(&arena);   /* instead of gumbo_destroy_output: the arena holds it all */
        free(text);
        atomic_fetch_add(&bytes, read);
    }
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 1;
    if (threads < 1 || threads > 64) { fprintf(stderr, "gumbo-parse: threads must be 1 to 64\n"); return 2; }
    FILE *list = argc > 2 ? fopen(argv[2], "r") : stdin;
    if (!list) { fprintf(stderr, "gumbo-parse: cannot open %s\n", argv[2]); return 2; }
    size_t capacity = 1024;
    paths = checked(malloc(capacity * sizeof *paths));
    char line[4096];
    while (fgets(line, sizeof line, list)) {
        line[strcspn(line, "\n")] = 0;
        if (!*line) continue;
        if (count == capacity) paths = checked(realloc(paths, (capacity *= 2) * sizeof *paths));
        paths[count++] = checked(strdup(line));
    }
    pthread_t workers[64];
    int started = 0;
    while (started < threads && pthread_create(&workers[started], NULL, work, NULL) == 0) started++;
    if (started == 0) { fprintf(stderr, "gumbo-parse: no thread could be started\n"); return 3; }
    for (int i = 0; i < started; i++) pthread_join(workers[i], NULL);
    printf("%zu files, %zu bytes, %zu elements, %zu unreadable\n", count, (size_t)bytes, (size_t)elements, (size_t)failures);
    return failures ? 1 : 0;
}
