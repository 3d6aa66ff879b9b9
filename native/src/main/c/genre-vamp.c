/*
 * genre-vamp.so: the Vamp entry point of a plugin written in Java.
 *
 * On the first descriptor call it finds libjvm, reuses the JVM already in the process or
 * starts one, and asks Java for the plugin descriptor (org.genrevamp.vamp.abi.Bridge).
 * From then on the host calls Java directly through the JNA callbacks in that descriptor.
 * When Java cannot be found or started it prints one line on stderr and returns NULL, so
 * the host carries on without this plugin. Nothing here ever writes to stdout.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <dlfcn.h>
#include <jni.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <vamp/vamp.h>

#define BRIDGE_CLASS "org/genrevamp/vamp/abi/Bridge"
#define DEFAULT_XMX "-Xmx1g"
/* The initial heap sets the young generation's size (a third of it), and every page of it that the
   collector cycles through counts in the host's RSS. The JVM's default initial heap is RAM/64 (a
   120 MB young generation on a 23 GB machine, 340 MB from 64 GB up); a small one grows only as the
   live data needs: the default model's peak RSS went from 329 to 255-262 MB on a 150 s file. */
#define DEFAULT_XMS "-Xms64m"
#define DEFAULT_OMP_THREADS "1"
#define DEFAULT_XMX_BYTES (1LL << 30)
#define MAX_OPTIONS 48

typedef jint (*CreateVMs)(JavaVM **, void **, void *);
typedef jint (*CreatedVMs)(JavaVM **, jsize, jsize *);

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int state;            /* 0 = not tried, 1 = ready, -1 = failed for good */
static JavaVM *vm;
static jclass bridge;        /* global reference */
static jmethodID descriptorMethod;

static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("genre-vamp: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int isFile(const char *path) { return access(path, R_OK) == 0; }

/* Directory holding this .so (symlinks resolved), so jars and conf are found beside it. */
static int pluginDir(char *out)
{
    Dl_info info;
    char *slash;
    if (!dladdr((void *)vampGetPluginDescriptor, &info) || !info.dli_fname) return 0;
    if (!realpath(info.dli_fname, out)) return 0;
    slash = strrchr(out, '/');
    if (!slash) return 0;
    *slash = '\0';
    return 1;
}

/* A libjvm path, or a JDK home under which lib/server/libjvm.so lives. */
static int jvmFrom(const char *pathOrHome, char *out)
{
    if (!pathOrHome || !*pathOrHome) return 0;
    if (strstr(pathOrHome, ".so") && isFile(pathOrHome)) return snprintf(out, PATH_MAX, "%s", pathOrHome) < PATH_MAX;
    if (snprintf(out, PATH_MAX, "%s/lib/server/libjvm.so", pathOrHome) >= PATH_MAX) return 0;
    return isFile(out);
}

/* genre-vamp.conf beside the .so: a line "jvm=<libjvm.so or JDK home>", # comments. */
static int jvmFromConf(const char *dir, char *out)
{
    char path[PATH_MAX + 32], line[PATH_MAX + 16];
    int found = 0;
    FILE *f;
    snprintf(path, sizeof path, "%s/genre-vamp.conf", dir);
    if (!(f = fopen(path, "r"))) return 0;
    while (!found && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, "jvm=", 4) == 0) found = jvmFrom(line + 4, out);
    }
    fclose(f);
    return found;
}

/* java on PATH: <home>/bin/java with symlinks resolved. */
static int jvmFromPath(char *out)
{
    const char *path = getenv("PATH");
    char candidate[PATH_MAX], real[PATH_MAX], *end;
    while (path && *path) {
        size_t n = strcspn(path, ":");
        if (n > 0 && n < PATH_MAX - 6) {
            snprintf(candidate, sizeof candidate, "%.*s/java", (int)n, path);
            if (access(candidate, X_OK) == 0 && realpath(candidate, real)
                && (end = strrchr(real, '/')) && (*end = '\0', end = strrchr(real, '/'))) {
                *end = '\0';
                if (jvmFrom(real, out)) return 1;
            }
        }
        path += n + (path[n] == ':');
    }
    return 0;
}

static int findLibjvm(const char *dir, char *out)
{
    const char *explicitJvm = getenv("GENRE_VAMP_JVM");
    if (explicitJvm && *explicitJvm) {
        if (jvmFrom(explicitJvm, out)) return 1;
        say("GENRE_VAMP_JVM=%s names no libjvm.so or JDK home; plugin disabled", explicitJvm);
        return -1;
    }
    return jvmFromConf(dir, out) || jvmFrom(getenv("JAVA_HOME"), out) || jvmFromPath(out);
}

/* Parses "<digits>[kKmMgG]" into bytes; -1 when malformed. */
static long long parseSize(const char *s)
{
    char *end;
    long long v;
    if (!isdigit((unsigned char)*s)) return -1;
    v = strtoll(s, &end, 10);
    if (v > (1LL << 40)) return -1;
    switch (*end) {
    case 'k': case 'K': v <<= 10; end++; break;
    case 'm': case 'M': v <<= 20; end++; break;
    case 'g': case 'G': v <<= 30; end++; break;
    }
    return *end ? -1 : v;
}

static int allChars(const char *s, const char *extra)
{
    if (!*s) return 0;
    for (; *s; s++) if (!isalnum((unsigned char)*s) && !strchr(extra, *s)) return 0;
    return 1;
}

/*
 * User JVM options pass only in shapes that cannot make the JVM call exit() inside the host
 * or write to its stdout: heap/stack sizes within bounds, -D properties, boolean -XX flags
 * other than collector/archive choices, and a processor count.
 */
static int acceptedOption(const char *o, long long *xmx)
{
    long long physical = (long long)sysconf(_SC_PHYS_PAGES) * sysconf(_SC_PAGESIZE), size;
    if (!strncmp(o, "-Xmx", 4) || !strncmp(o, "-Xms", 4)) {
        size = parseSize(o + 4);
        if (size < (64LL << 20) || size > physical) return 0;
        if (o[3] == 'x') *xmx = size;
        return 1;
    }
    if (!strncmp(o, "-Xss", 4)) return (size = parseSize(o + 4)) >= (256 << 10) && size <= (256LL << 20);
    if (!strncmp(o, "-D", 2)) {
        const char *eq = strchr(o, '=');
        char name[256];
        if (!eq || eq - o - 2 >= (long)sizeof name) return 0;
        snprintf(name, sizeof name, "%.*s", (int)(eq - o - 2), o + 2);
        return allChars(name, "._-") && (!eq[1] || allChars(eq + 1, "._-/:,+@%"));
    }
    if (!strncmp(o, "-XX:ActiveProcessorCount=", 25)) return allChars(o + 25, "") && atoi(o + 25) > 0;
    if (!strncmp(o, "-XX:+", 5) || !strncmp(o, "-XX:-", 5))
        return allChars(o + 5, "") && !strstr(o, "GC") && !strstr(o, "Share") && !strstr(o, "Archive")
            && !strstr(o, "Print") && !strstr(o, "Exit") && !strstr(o, "Crash") && !strstr(o, "Abort");
    return !strcmp(o, "-ea") || !strcmp(o, "-da") || !strcmp(o, "-esa");
}

static int byName(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Appends the jars in one directory, sorted by name, to *jars (JNI_CreateJavaVM does not expand dir/ *). */
static int addJars(const char *path, char ***jars, int n, int *cap)
{
    struct dirent *e;
    int first = n;
    DIR *d = opendir(path);
    if (!d) return n;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".jar")) continue;
        if (n == *cap) *jars = realloc(*jars, (*cap *= 2) * sizeof **jars);
        if (asprintf(&(*jars)[n], "%s/%s", path, e->d_name) > 0) n++;
    }
    closedir(d);
    qsort(*jars + first, n - first, sizeof **jars, byName);
    return n;
}

/*
 * genre-vamp/ *.jar (the plugin and JNA: all that start-up needs; *startCount of them), then
 * genre-vamp/lib/ *.jar. A JVM we start gets only the first kind on its class path and the rest later,
 * from Java (RuntimeClassPath), so that start-up does not scan them; a JVM someone else started gets all.
 */
static int listJars(const char *dir, char ***jars, int *startCount)
{
    char path[PATH_MAX + 16];
    int cap = 64;
    *jars = malloc(cap * sizeof **jars);
    snprintf(path, sizeof path, "%s/genre-vamp", dir);
    *startCount = addJars(path, jars, 0, &cap);
    snprintf(path, sizeof path, "%s/genre-vamp/lib", dir);
    return addJars(path, jars, *startCount, &cap);
}

/* The CDS archive was recorded by the JDK named in genre-vamp.conf; any other JDK would complain of it. */
static int archiveMatches(const char *dir, const char *libjvmPath)
{
    char confJvm[PATH_MAX], a[PATH_MAX], b[PATH_MAX];
    return jvmFromConf(dir, confJvm) && realpath(confJvm, a) && realpath(libjvmPath, b) && !strcmp(a, b);
}

static JavaVM *createVM(void *libjvm, const char *libjvmPath, const char *dir, char **jars, int jarCount)
{
    CreateVMs create = (CreateVMs)dlsym(libjvm, "JNI_CreateJavaVM");
    JavaVMOption options[MAX_OPTIONS];
    JavaVMInitArgs args;
    char *owned[8], *archive, *tok, *save, *user = getenv("GENRE_VAMP_JAVA_OPTS");
    char *copy = user ? strdup(user) : NULL;
    const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    long long xmx = 0;
    size_t cpLen = 32;
    int n = 0, o = 0, i;
    JavaVM *created = NULL;
    JNIEnv *env;
    for (i = 0; i < jarCount; i++) cpLen += strlen(jars[i]) + 1;
    owned[o] = malloc(cpLen);
    strcpy(owned[o], "-Djava.class.path=");
    for (i = 0; i < jarCount; i++) strcat(strcat(owned[o], i ? ":" : ""), jars[i]);
    options[n++].optionString = owned[o++];
    options[n++].optionString = "-Xrs";
    options[n++].optionString = "-Xlog:disable";
    options[n++].optionString = "-Xlog:all=warning:stderr";
    options[n++].optionString = "-XX:-UsePerfData";
    options[n++].optionString = "-XX:+UseSerialGC";
    /* keep the heap near its live data: the segmenter keeps ~25 MB of per-hop features an hour, and with
       the default free ratios (40-70 %) the heap, and with it the young generation, grew ~3x that
       (580 s -> 60 min: +78 MB peak RSS; with these +48 MB, same speed) */
    options[n++].optionString = "-XX:MinHeapFreeRatio=10";
    options[n++].optionString = "-XX:MaxHeapFreeRatio=30";
    options[n++].optionString = "-Djava.awt.headless=true";
    options[n++].optionString = "-Djna.nosys=true";
    options[n++].optionString = "--enable-native-access=ALL-UNNAMED";
    if (asprintf(&owned[o], "-Djna.boot.library.path=%s/genre-vamp", dir) > 0)
        options[n++].optionString = owned[o++];
    if (asprintf(&owned[o], "-Dgenrevamp.home=%s", dir) > 0) options[n++].optionString = owned[o++];
    if (asprintf(&owned[o], "-Dgenrevamp.lib=%s/genre-vamp/lib", dir) > 0) options[n++].optionString = owned[o++];
    options[n++].optionString = "--add-opens=java.base/jdk.internal.loader=ALL-UNNAMED";
    if (asprintf(&owned[o], "-XX:ErrorFile=%s/genre-vamp-hs_err_pid%%p.log", tmp) > 0)
        options[n++].optionString = owned[o++];
    if (archiveMatches(dir, libjvmPath) && asprintf(&archive, "%s/genre-vamp/genre-vamp.jsa", dir) > 0) {
        if (isFile(archive) && asprintf(&owned[o], "-XX:SharedArchiveFile=%s", archive) > 0)
            options[n++].optionString = owned[o++];
        free(archive);
    }
    options[n++].optionString = DEFAULT_XMS;   /* before the user's: the last -Xms wins */
    for (tok = copy ? strtok_r(copy, " \t", &save) : NULL; tok; tok = strtok_r(NULL, " \t", &save)) {
        if (n < MAX_OPTIONS - 2 && acceptedOption(tok, &xmx)) options[n++].optionString = tok;
        else say("ignoring JVM option '%s' from GENRE_VAMP_JAVA_OPTS (not an accepted shape or out of range)", tok);
    }
    if (!xmx) options[n++].optionString = DEFAULT_XMX;
    for (i = 0; i < n; i++)   /* -Xms above -Xmx makes the JVM exit() */
        if (!strncmp(options[i].optionString, "-Xms", 4)
            && parseSize(options[i].optionString + 4) > (xmx ? xmx : DEFAULT_XMX_BYTES)) {
            say("ignoring JVM option '%s': above the maximum heap size", options[i].optionString);
            options[i--] = options[--n];
        }
    for (i = 0; i < n; i++) options[i].extraInfo = NULL;
    /* ND4J/OpenBLAS read OMP_NUM_THREADS once, when their native code loads: only now can it be set.
       One thread: the plugin's batches are small, and more threads made inference 7x slower on a busy
       2-core machine (benchmarks/annotate-benchmark.sh); a user's own setting is kept. */
    setenv("OMP_NUM_THREADS", DEFAULT_OMP_THREADS, 0);
    args.version = JNI_VERSION_1_8;
    args.nOptions = n;
    args.options = options;
    args.ignoreUnrecognized = JNI_FALSE;
    if (!create || create(&created, (void **)&env, &args) != JNI_OK) created = NULL;
    else (*created)->DetachCurrentThread(created);   /* attached again, as a daemon, when needed */
    while (o > 0) free(owned[--o]);
    free(copy);
    return created;
}

/* Loads the Bridge class; in a JVM someone else started, through a URLClassLoader over all our jars. */
static jclass loadBridge(JNIEnv *env, char **jars, int jarCount)
{
    jclass found = (*env)->FindClass(env, BRIDGE_CLASS), file, uri, url, loader, klass;
    jmethodID newFile, toURI, toURL, newLoader, forName;
    jobjectArray urls;
    int i;
    if (found || !jarCount) return found;
    (*env)->ExceptionClear(env);
    file = (*env)->FindClass(env, "java/io/File");
    uri = (*env)->FindClass(env, "java/net/URI");
    url = (*env)->FindClass(env, "java/net/URL");
    loader = (*env)->FindClass(env, "java/net/URLClassLoader");
    klass = (*env)->FindClass(env, "java/lang/Class");
    if (!file || !uri || !url || !loader || !klass) return NULL;
    newFile = (*env)->GetMethodID(env, file, "<init>", "(Ljava/lang/String;)V");
    toURI = (*env)->GetMethodID(env, file, "toURI", "()Ljava/net/URI;");
    toURL = (*env)->GetMethodID(env, uri, "toURL", "()Ljava/net/URL;");
    newLoader = (*env)->GetMethodID(env, loader, "<init>", "([Ljava/net/URL;)V");
    forName = (*env)->GetStaticMethodID(env, klass, "forName",
                                        "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;");
    urls = (*env)->NewObjectArray(env, jarCount, url, NULL);
    for (i = 0; urls && i < jarCount; i++) {
        jobject f = (*env)->NewObject(env, file, newFile, (*env)->NewStringUTF(env, jars[i]));
        jobject u = f ? (*env)->CallObjectMethod(env, (*env)->CallObjectMethod(env, f, toURI), toURL) : NULL;
        if (!u || (*env)->ExceptionCheck(env)) return NULL;
        (*env)->SetObjectArrayElement(env, urls, i, u);
    }
    if (!urls || !(loader = (*env)->NewObject(env, loader, newLoader, urls))) return NULL;
    return (*env)->CallStaticObjectMethod(env, klass, forName,
                                          (*env)->NewStringUTF(env, "org.genrevamp.vamp.abi.Bridge"), JNI_TRUE, loader);
}

static int attach(JNIEnv **env)
{
    jint rc = (*vm)->GetEnv(vm, (void **)env, JNI_VERSION_1_8);
    if (rc == JNI_EDETACHED)
        return (*vm)->AttachCurrentThreadAsDaemon(vm, (void **)env, NULL) == JNI_OK ? 1 : -1;
    return rc == JNI_OK ? 0 : -1;
}

static JavaVM *existingVM(CreatedVMs created)
{
    JavaVM *found;
    jsize count = 0;
    return created && created(&found, 1, &count) == JNI_OK && count > 0 ? found : NULL;
}

/* Finds or starts the JVM and resolves Bridge.descriptor; prints one line when it cannot. */
static int start(void)
{
    char dir[PATH_MAX], libjvmPath[PATH_MAX], **jars = NULL;
    void *libjvm;
    JNIEnv *env;
    jclass local;
    int jarCount, startCount, attached, found, i;
    if (!pluginDir(dir)) { say("cannot locate genre-vamp.so on disk; plugin disabled"); return -1; }
    jarCount = listJars(dir, &jars, &startCount);
    vm = existingVM((CreatedVMs)dlsym(RTLD_DEFAULT, "JNI_GetCreatedJavaVMs"));
    if (!vm && (found = findLibjvm(dir, libjvmPath)) == 0)
        say("no Java found (set GENRE_VAMP_JVM or JAVA_HOME, or put java on PATH); plugin disabled");
    else if (!vm && found > 0) {
        if (!(libjvm = dlopen(libjvmPath, RTLD_NOW | RTLD_GLOBAL)))
            say("cannot load %s: %s; plugin disabled", libjvmPath, dlerror());
        else if (!dlsym(libjvm, "JNI_CreateJavaVM")) say("%s is not a JVM library; plugin disabled", libjvmPath);
        else if (!(vm = existingVM((CreatedVMs)dlsym(libjvm, "JNI_GetCreatedJavaVMs")))) {
            if (!startCount) say("no jars in %s/genre-vamp; plugin disabled", dir);
            else if (!(vm = createVM(libjvm, libjvmPath, dir, jars, startCount)))
                say("the JVM in %s failed to start; plugin disabled", libjvmPath);
        }
    }
    if (vm && (attached = attach(&env)) >= 0) {
        local = loadBridge(env, jars, jarCount);
        if (local && (descriptorMethod = (*env)->GetStaticMethodID(env, local, "descriptor", "(II)J")))
            bridge = (*env)->NewGlobalRef(env, local);
        else say("%s (Java 17 or later) not loadable from %s/genre-vamp; plugin disabled", BRIDGE_CLASS, dir);
        (*env)->ExceptionClear(env);
        if (attached) (*vm)->DetachCurrentThread(vm);
    }
    for (i = 0; i < jarCount; i++) free(jars[i]);
    free(jars);
    return bridge ? 1 : -1;
}

__attribute__((visibility("default")))
const VampPluginDescriptor *vampGetPluginDescriptor(unsigned int hostApiVersion, unsigned int index)
{
    JNIEnv *env;
    jlong address = 0;
    int attached;
    pthread_mutex_lock(&lock);
    if (state == 0) state = start();
    pthread_mutex_unlock(&lock);
    if (state < 0 || (attached = attach(&env)) < 0) return NULL;
    address = (*env)->CallStaticLongMethod(env, bridge, descriptorMethod, (jint)hostApiVersion, (jint)index);
    if ((*env)->ExceptionCheck(env)) {   /* Bridge catches everything; this is the last guard */
        (*env)->ExceptionClear(env);
        address = 0;
    }
    if (attached) (*vm)->DetachCurrentThread(vm);
    return (const VampPluginDescriptor *)(intptr_t)address;
}
