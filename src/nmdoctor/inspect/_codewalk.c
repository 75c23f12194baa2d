/* The walk of one installed package's reachable code, in C: what package_code._python_walk does,
 * with the same results in the same order, for the host's files only. A large tree holds ~13,000
 * reachable files; in Python the walk's own steps (a read, three keyword searches, a regex match
 * per keyword, a few stats per relative require) cost ten times the reads themselves.
 *
 * walk(folder, entries, extensions, max_files, max_bytes) -> [(path, source, bare), ...]
 *   folder      the package folder (str), as the Python walk gets it
 *   entries     the entry files (list of str), the walk's first pending files
 *   extensions  the lower-case suffixes of source files (tuple of str, ASCII: ".js", ...)
 *   max_files   the walk stops once it has seen more files than this
 *   max_bytes   a file larger than this is not read (a bundle)
 * Each row: a file read (str), its bytes, and the specifiers it names that are neither relative
 * nor paths (list of str), in the order of the text.
 */
#define _GNU_SOURCE /* memmem, memrchr */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_SPECIFIER 200

typedef struct {
    char *data;
    size_t length;
} Text;

/* Whether byte c is a word character, as a bytes regex's \b sees it. */
static int is_word(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Whitespace as a bytes regex's \s matches it. */
static int is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The quoted specifier after a keyword at `at`, as package_code._SPECIFIER matches from there:
 * (?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s*|\bimport\s+)(['"])([^'"\n]{1,200})\1
 * Returns the end of the match (0 when none) and the specifier's bounds. */
static size_t match_specifier(const char *text, size_t length, size_t at, size_t *start, size_t *stop) {
    const unsigned char *s = (const unsigned char *)text;
    if (at > 0 && is_word(s[at - 1]))
        return 0;
    size_t candidates[2];
    int count = 0;
    if (length - at >= 7 && memcmp(text + at, "require", 7) == 0) {
        size_t i = at + 7;
        while (i < length && is_space(s[i]))
            i++;
        if (i < length && s[i] == '(') {
            i++;
            while (i < length && is_space(s[i]))
                i++;
            candidates[count++] = i;
        }
    } else if (length - at >= 6 && memcmp(text + at, "import", 6) == 0) {
        size_t i = at + 6;
        while (i < length && is_space(s[i]))
            i++;
        if (i < length && s[i] == '(') {
            size_t j = i + 1;
            while (j < length && is_space(s[j]))
                j++;
            candidates[count++] = j;
        }
        if (i > at + 6)
            candidates[count++] = i; /* import\s+ */
    } else if (length - at >= 4 && memcmp(text + at, "from", 4) == 0) {
        size_t i = at + 4;
        while (i < length && is_space(s[i]))
            i++;
        candidates[count++] = i;
    }
    for (int c = 0; c < count; c++) {
        size_t i = candidates[c];
        if (i >= length || (s[i] != '\'' && s[i] != '"'))
            continue;
        unsigned char quote = s[i];
        size_t j = i + 1;
        while (j < length && j - (i + 1) < MAX_SPECIFIER + 1 && s[j] != '\'' && s[j] != '"' && s[j] != '\n')
            j++;
        size_t inner = j - (i + 1);
        if (inner >= 1 && inner <= MAX_SPECIFIER && j < length && s[j] == quote) {
            *start = i + 1;
            *stop = j;
            return j + 1;
        }
    }
    return 0;
}

static int compare_offsets(const void *a, const void *b) {
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Every position of the three keywords, sorted (package_code._candidates). */
static size_t *keyword_positions(const char *text, size_t length, size_t *count) {
    static const char *words[] = {"require", "import", "from"};
    size_t capacity = 64, used = 0;
    size_t *found = PyMem_Malloc(capacity * sizeof(size_t));
    if (found == NULL)
        return NULL;
    for (int w = 0; w < 3; w++) {
        size_t size = strlen(words[w]);
        const char *at = text, *end = text + length;
        while (at < end) {
            const char *hit = memmem(at, (size_t)(end - at), words[w], size);
            if (hit == NULL)
                break;
            if (used == capacity) {
                capacity *= 2;
                size_t *grown = PyMem_Realloc(found, capacity * sizeof(size_t));
                if (grown == NULL) {
                    PyMem_Free(found);
                    return NULL;
                }
                found = grown;
            }
            found[used++] = (size_t)(hit - text);
            at = hit + 1;
        }
    }
    qsort(found, used, sizeof(size_t), compare_offsets);
    *count = used;
    return found;
}

/* A growable byte buffer for paths. */
typedef struct {
    char *data;
    size_t length, capacity;
} Buffer;

static int buffer_set(Buffer *buffer, const char *data, size_t length) {
    if (length + 16 > buffer->capacity) {
        size_t capacity = (length + 16) * 2;
        char *grown = PyMem_Realloc(buffer->data, capacity);
        if (grown == NULL)
            return -1;
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data, data, length);
    buffer->data[length] = '\0';
    buffer->length = length;
    return 0;
}

/* posixpath.normpath(posixpath.join(folder, relative)) for an absolute folder and a relative
 * path, into `out`. */
static int join_normalized(Buffer *out, const char *folder, size_t folder_length, const char *relative,
                           size_t relative_length) {
    size_t total = folder_length + 1 + relative_length;
    char *joined = PyMem_Malloc(total + 1);
    if (joined == NULL)
        return -1;
    memcpy(joined, folder, folder_length);
    size_t length = folder_length;
    if (length == 0 || joined[length - 1] != '/')
        joined[length++] = '/';
    memcpy(joined + length, relative, relative_length);
    length += relative_length;
    /* posixpath.normpath: one leading slash, or two when exactly two; '.' and empty parts dropped,
     * '..' drops the part before it (none above the root). */
    size_t leading = 0;
    if (length > 0 && joined[0] == '/') {
        leading = 1;
        if (length > 1 && joined[1] == '/' && !(length > 2 && joined[2] == '/'))
            leading = 2;
    }
    char *result = PyMem_Malloc(length + 3);
    if (result == NULL) {
        PyMem_Free(joined);
        return -1;
    }
    size_t used = 0;
    for (size_t i = 0; i < leading; i++)
        result[used++] = '/';
    size_t base = used; /* parts start here */
    size_t i = 0;
    while (i < length) {
        while (i < length && joined[i] == '/')
            i++;
        size_t start = i;
        while (i < length && joined[i] != '/')
            i++;
        size_t part = i - start;
        if (part == 0 || (part == 1 && joined[start] == '.'))
            continue;
        if (part == 2 && joined[start] == '.' && joined[start + 1] == '.') {
            if (used > base) { /* drop the last part */
                while (used > base && result[used - 1] != '/')
                    used--;
                if (used > base)
                    used--; /* its separator */
            } else if (leading == 0) {
                /* a relative path keeps leading '..' (never the case here: folders are absolute) */
                if (used > base)
                    result[used++] = '/';
                result[used++] = '.';
                result[used++] = '.';
            }
            continue;
        }
        if (used > base)
            result[used++] = '/';
        memcpy(result + used, joined + start, part);
        used += part;
    }
    if (used == 0)
        result[used++] = '.';
    int status = buffer_set(out, result, used);
    PyMem_Free(result);
    PyMem_Free(joined);
    return status;
}

static const char *PROBES[] = {"", ".js", ".cjs", ".mjs", ".json", "/index.js", "/index.cjs", "/index.mjs"};

/* Whether `path` lies strictly below the package folder that `folder_fd` holds open (its first
 * `folder_length` bytes, then a '/'): the kernel then looks up only the part below the folder,
 * not the whole deep node_modules path again (a walk's stats and opens are most of its time). The
 * folder's path is normalized and the part below holds no "..": the same file either way. */
static int at_folder(int folder_fd, const char *path, size_t folder_length) {
    return folder_fd >= 0 && path[folder_length] == '/' && path[folder_length + 1] != '\0';
}

/* The bytes of a regular file no larger than max_bytes as a new bytes object; NULL without an
 * error set when it cannot be read or is larger (as DiskFS.read_bytes refuses it, or the walk
 * skips it). The size comes from fstat of the opened file (links followed, as a stat of the path
 * would): a file too large is closed unread. The bytes are read into the bytes object itself, in
 * one read of size + 1 when the size holds (the extra byte tells the end was reached). */
static PyObject *read_file(int folder_fd, const char *path, size_t folder_length, long long max_bytes) {
    int fd = at_folder(folder_fd, path, folder_length)
                 ? openat(folder_fd, path + folder_length + 1, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
                 : open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat info;
    if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || (long long)info.st_size > max_bytes) {
        close(fd);
        return NULL;
    }
    size_t capacity = (size_t)info.st_size + 1;
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)capacity);
    if (bytes == NULL) {
        close(fd);
        return NULL;
    }
    size_t used = 0;
    for (;;) {
        if (used == capacity) {
            if ((long long)capacity > max_bytes) { /* grown past the limit since fstat: skipped */
                Py_DECREF(bytes);
                close(fd);
                return NULL;
            }
            capacity *= 2;
            if (_PyBytes_Resize(&bytes, (Py_ssize_t)capacity) != 0) {
                PyErr_Clear();
                close(fd);
                return NULL;
            }
        }
        ssize_t got = read(fd, PyBytes_AS_STRING(bytes) + used, capacity - used);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            Py_DECREF(bytes);
            close(fd);
            return NULL;
        }
        if (got == 0)
            break;
        used += (size_t)got;
        if (used < capacity && used == (size_t)info.st_size && info.st_size > 0)
            break; /* the size fstat gave, read whole: at its end */
    }
    close(fd);
    if ((long long)used > max_bytes) {
        Py_DECREF(bytes);
        return NULL;
    }
    if (_PyBytes_Resize(&bytes, (Py_ssize_t)used) != 0) {
        PyErr_Clear();
        return NULL;
    }
    return bytes;
}

/* The suffix test of sources.imports.language_for: the text after the path's last '.', lowered. */
static int is_source(const char *path, size_t length, PyObject *extensions) {
    const char *dot = memrchr(path, '.', length);
    if (dot == NULL)
        return 0;
    size_t size = length - (size_t)(dot - path);
    if (size > 8)
        return 0;
    char lowered[9];
    for (size_t i = 0; i < size; i++) {
        unsigned char c = (unsigned char)dot[i];
        if (c >= 0x80)
            return 0;
        lowered[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    Py_ssize_t count = PyTuple_GET_SIZE(extensions);
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_ssize_t other;
        const char *extension = PyUnicode_AsUTF8AndSize(PyTuple_GET_ITEM(extensions, i), &other);
        if (extension != NULL && (size_t)other == size && memcmp(extension, lowered, size) == 0)
            return 1;
    }
    return 0;
}

/* A specifier's text as the Python walk holds it: its bytes decoded as UTF-8 with replacement,
 * encoded back (the same bytes when they are UTF-8). A new bytes object. */
static PyObject *specifier_bytes(const char *data, size_t length) {
    PyObject *text = PyUnicode_DecodeUTF8(data, (Py_ssize_t)length, "replace");
    if (text == NULL)
        return NULL;
    PyObject *encoded = PyUnicode_AsEncodedString(text, "utf-8", "surrogateescape");
    Py_DECREF(text);
    return encoded;
}

typedef struct {
    PyObject *seen;    /* set of bytes paths */
    PyObject *pending; /* list of (bytes path, size or None) */
    PyObject *probed;  /* dict: base bytes -> found bytes path or None */
    int folder_fd;     /* the package folder, open (O_PATH), or -1 */
    size_t folder_length;
} Walk;

/* The file a relative specifier most likely loads (package_code._probe): new reference, or
 * Py_None (new reference) when none; NULL on error. */
static PyObject *probe(Walk *walk, Buffer *base, Buffer *scratch) {
    PyObject *key = PyBytes_FromStringAndSize(base->data, (Py_ssize_t)base->length);
    if (key == NULL)
        return NULL;
    PyObject *known = PyDict_GetItemWithError(walk->probed, key);
    if (known != NULL) {
        Py_DECREF(key);
        Py_INCREF(known);
        return known;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return NULL;
    }
    PyObject *found = Py_None;
    Py_INCREF(found);
    if (memchr(base->data, '\0', base->length) == NULL) { /* os.stat refuses a NUL: nothing found */
        for (size_t i = 0; i < sizeof(PROBES) / sizeof(PROBES[0]); i++) {
            size_t extra = strlen(PROBES[i]);
            if (base->length + extra + 16 > scratch->capacity) {
                char *grown = PyMem_Realloc(scratch->data, (base->length + extra + 16) * 2);
                if (grown == NULL) {
                    Py_DECREF(key);
                    Py_DECREF(found);
                    return PyErr_NoMemory();
                }
                scratch->data = grown;
                scratch->capacity = (base->length + extra + 16) * 2;
            }
            memcpy(scratch->data, base->data, base->length);
            memcpy(scratch->data + base->length, PROBES[i], extra);
            scratch->length = base->length + extra;
            scratch->data[scratch->length] = '\0';
            struct stat info;
            int found_stat = at_folder(walk->folder_fd, scratch->data, walk->folder_length)
                                 ? fstatat(walk->folder_fd, scratch->data + walk->folder_length + 1, &info, 0)
                                 : stat(scratch->data, &info);
            if (found_stat == 0 && !S_ISDIR(info.st_mode)) {
                Py_DECREF(found);
                found = PyBytes_FromStringAndSize(scratch->data, (Py_ssize_t)scratch->length);
                if (found == NULL) {
                    Py_DECREF(key);
                    return NULL;
                }
                break;
            }
        }
    }
    if (PyDict_SetItem(walk->probed, key, found) != 0) {
        Py_DECREF(key);
        Py_DECREF(found);
        return NULL;
    }
    Py_DECREF(key);
    return found;
}

static int starts_with(const char *data, size_t length, const char *prefix) {
    size_t size = strlen(prefix);
    return length >= size && memcmp(data, prefix, size) == 0;
}

/* One file's specifiers: the relative ones followed (pushed on `pending`), the bare ones returned
 * (new list), NULL on error. */
static PyObject *follow(Walk *walk, const char *folder, size_t folder_length, const char *file, size_t file_length,
                        const char *text, size_t length, Buffer *base, Buffer *scratch) {
    PyObject *bare = PyList_New(0);
    if (bare == NULL)
        return NULL;
    size_t count = 0;
    size_t *positions = keyword_positions(text, length, &count);
    if (positions == NULL) {
        Py_DECREF(bare);
        return PyErr_NoMemory();
    }
    /* posixpath.dirname: the text up to the last '/', its trailing slashes removed unless it is all slashes */
    const char *slash = memrchr(file, '/', file_length);
    size_t here_length = slash == NULL ? 0 : (size_t)(slash - file) + 1;
    int all_slashes = 1;
    for (size_t i = 0; i < here_length; i++)
        all_slashes = all_slashes && file[i] == '/';
    if (!all_slashes)
        while (here_length > 0 && file[here_length - 1] == '/')
            here_length--;
    size_t end = 0;
    PyObject *result = bare;
    for (size_t k = 0; k < count; k++) {
        if (positions[k] < end)
            continue;
        size_t start = 0, stop = 0;
        size_t matched = match_specifier(text, length, positions[k], &start, &stop);
        if (matched == 0)
            continue;
        end = matched;
        const char *specifier = text + start;
        size_t size = stop - start;
        if (starts_with(specifier, size, "./") || starts_with(specifier, size, "../")) {
            PyObject *spelled = specifier_bytes(specifier, size);
            if (spelled == NULL) {
                result = NULL;
                break;
            }
            const char *relative = PyBytes_AS_STRING(spelled);
            size_t relative_length = (size_t)PyBytes_GET_SIZE(spelled);
            const char *question = memchr(relative, '?', relative_length);
            if (question != NULL)
                relative_length = (size_t)(question - relative);
            int failed = join_normalized(base, file, here_length, relative, relative_length) != 0;
            Py_DECREF(spelled);
            if (failed) {
                result = PyErr_NoMemory();
                break;
            }
            int inside = (base->length == folder_length && memcmp(base->data, folder, folder_length) == 0) ||
                         (base->length > folder_length && memcmp(base->data, folder, folder_length) == 0 &&
                          base->data[folder_length] == '/');
            if (!inside)
                continue;
            PyObject *found = probe(walk, base, scratch);
            if (found == NULL) {
                result = NULL;
                break;
            }
            if (found == Py_None) {
                Py_DECREF(found);
                continue;
            }
            const char *path = PyBytes_AS_STRING(found);
            size_t path_length = (size_t)PyBytes_GET_SIZE(found);
            int within = path_length > folder_length && memcmp(path, folder, folder_length) == 0 &&
                         path[folder_length] == '/';
            int already = PySet_Contains(walk->seen, found);
            if (already < 0) {
                Py_DECREF(found);
                result = NULL;
                break;
            }
            if (!already && within) {
                if (PySet_Add(walk->seen, found) != 0 || PyList_Append(walk->pending, found) != 0) {
                    Py_DECREF(found);
                    result = NULL;
                    break;
                }
            }
            Py_DECREF(found);
        } else if (size > 0 && specifier[0] != '.' && specifier[0] != '/') {
            PyObject *name = PyUnicode_DecodeUTF8(specifier, (Py_ssize_t)size, "replace");
            if (name == NULL || PyList_Append(bare, name) != 0) {
                Py_XDECREF(name);
                result = NULL;
                break;
            }
            Py_DECREF(name);
        }
    }
    PyMem_Free(positions);
    if (result == NULL)
        Py_DECREF(bare);
    return result;
}

static PyObject *walk_package(PyObject *Py_UNUSED(module), PyObject *args) {
    PyObject *folder_object, *entries, *extensions;
    Py_ssize_t max_files;
    long long max_bytes;
    if (!PyArg_ParseTuple(args, "O&O!O!nL", PyUnicode_FSConverter, &folder_object, &PyList_Type, &entries,
                          &PyTuple_Type, &extensions, &max_files, &max_bytes))
        return NULL;
    Walk walk = {PySet_New(NULL), PyList_New(0), PyDict_New(), -1, 0};
    PyObject *rows = PyList_New(0);
    Buffer base = {NULL, 0, 0}, scratch = {NULL, 0, 0};
    PyObject *result = NULL;
    if (walk.seen == NULL || walk.pending == NULL || walk.probed == NULL || rows == NULL)
        goto done;
    const char *folder = PyBytes_AS_STRING(folder_object);
    size_t folder_length = (size_t)PyBytes_GET_SIZE(folder_object);
    if (folder_length > 1 && folder[0] == '/' && folder[folder_length - 1] != '/' &&
        memchr(folder, '\0', folder_length) == NULL) {
#ifdef O_PATH
        walk.folder_fd = open(folder, O_PATH | O_DIRECTORY | O_CLOEXEC);
#else
        walk.folder_fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
#endif
        walk.folder_length = folder_length;
    }
    Py_ssize_t count = PyList_GET_SIZE(entries);
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *encoded = PyUnicode_EncodeFSDefault(PyList_GET_ITEM(entries, i));
        if (encoded == NULL)
            goto done;
        int status = PySet_Add(walk.seen, encoded) == 0 ? PyList_Append(walk.pending, encoded) : -1;
        Py_DECREF(encoded);
        if (status != 0)
            goto done;
    }
    while (PyList_GET_SIZE(walk.pending) > 0 && PySet_GET_SIZE(walk.seen) <= max_files) {
        Py_ssize_t last = PyList_GET_SIZE(walk.pending) - 1;
        PyObject *file = PyList_GET_ITEM(walk.pending, last);
        Py_INCREF(file);
        if (PyList_SetSlice(walk.pending, last, last + 1, NULL) != 0) {
            Py_DECREF(file);
            goto done;
        }
        const char *path = PyBytes_AS_STRING(file);
        size_t path_length = (size_t)PyBytes_GET_SIZE(file);
        if (!is_source(path, path_length, extensions) || memchr(path, '\0', path_length) != NULL) {
            Py_DECREF(file);
            continue;
        }
        PyObject *source = path_length > folder_length && memcmp(path, folder, folder_length) == 0
                               ? read_file(walk.folder_fd, path, folder_length, max_bytes)
                               : read_file(-1, path, 0, max_bytes);
        if (source == NULL) {
            Py_DECREF(file);
            if (PyErr_Occurred())
                goto done;
            continue;
        }
        PyObject *bare = follow(&walk, folder, folder_length, path, path_length, PyBytes_AS_STRING(source),
                                (size_t)PyBytes_GET_SIZE(source), &base, &scratch);
        PyObject *name = bare == NULL ? NULL : PyUnicode_DecodeFSDefaultAndSize(path, (Py_ssize_t)path_length);
        PyObject *row = name == NULL ? NULL : PyTuple_Pack(3, name, source, bare);
        int status = row == NULL ? -1 : PyList_Append(rows, row);
        Py_XDECREF(row);
        Py_XDECREF(name);
        Py_XDECREF(bare);
        Py_DECREF(source);
        Py_DECREF(file);
        if (status != 0)
            goto done;
    }
    result = rows;
    rows = NULL;
done:
    Py_XDECREF(rows);
    Py_XDECREF(walk.seen);
    Py_XDECREF(walk.pending);
    Py_XDECREF(walk.probed);
    if (walk.folder_fd >= 0)
        close(walk.folder_fd);
    Py_DECREF(folder_object);
    PyMem_Free(base.data);
    PyMem_Free(scratch.data);
    return result;
}

static PyMethodDef methods[] = {
    {"walk", walk_package, METH_VARARGS, "The reachable files of one package: [(path, source, bare specifiers)]."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef definition = {PyModuleDef_HEAD_INIT, "_codewalk", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__codewalk(void) { return PyModule_Create(&definition); }
