/*
 * A small Vamp host that exercises genre-vamp.so the hard ways real hosts do. Run by
 * NativeHostTest; each mode prints what it checked on stdout, "host-alive" last, and exits
 * non-zero with a reason on stderr when a check fails.
 *
 *   test-host list    SO           descriptor + outputs (exit 3 when the library offers none)
 *   test-host reload  SO N         dlopen/dlclose N times, same results each time
 *   test-host rates   SO           two live instances at 22050 and 44100 Hz
 *   test-host threads SO           two instances in parallel threads, identical results
 *   test-host lifecycle SO         every entry point once (used with GENRE_VAMP_TEST_THROW)
 *   test-host unload SO SECONDS    feed SECONDS of signal, then cleanup mid-run (no getRemainingFeatures)
 *                                  and dlclose: the plugin's engine threads must be gone
 *   test-host foreign-jvm SO LIBJVM  start a JVM first (as a Java host would), then list: reused
 */
#include <dirent.h>
#include <dlfcn.h>
#include <jni.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <vamp/vamp.h>

typedef struct {
    long features;      /* features on output 0 */
    double sum;         /* sum of values, weighted by position, over output 0: a checksum */
    unsigned bins;      /* values per feature */
    int initialised;    /* what initialise returned */
} Summary;

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "test-host: FAILED: %s\n", what);
        failures++;
    }
}

static const VampPluginDescriptor *load(const char *so, void **lib)
{
    VampGetPluginDescriptorFunction get;
    *lib = dlopen(so, RTLD_NOW | RTLD_LOCAL);
    if (!*lib) {
        fprintf(stderr, "test-host: dlopen: %s\n", dlerror());
        exit(2);
    }
    get = (VampGetPluginDescriptorFunction)dlsym(*lib, "vampGetPluginDescriptor");
    if (!get) {
        fprintf(stderr, "test-host: no vampGetPluginDescriptor\n");
        exit(2);
    }
    return get(2, 0);
}

/* A deterministic test signal: 440 Hz sine plus a little noise from a fixed-seed LCG. */
static float sample(long i, float rate, unsigned *seed)
{
    *seed = *seed * 1664525u + 1013904223u;
    return 0.5f * (float)sin(2 * M_PI * 440.0 * i / rate) + 0.05f * ((float)(*seed >> 8) / 16777216.0f - 0.5f);
}

static void summarise(const VampFeatureList *lists, Summary *s)
{
    unsigned f, v;
    if (!lists) return;
    for (f = 0; f < lists[0].featureCount; f++) {
        const VampFeature *feature = &lists[0].features[f].v1;
        s->bins = feature->valueCount;
        for (v = 0; v < feature->valueCount; v++) s->sum += feature->values[v] * (1.0 + (s->features % 7) + v * 1e-3);
        s->features++;
    }
}

/* Runs one instance over `seconds` of the test signal in `channels` identical channels. */
static Summary run(const VampPluginDescriptor *d, VampPluginHandle h, float rate, int channels, double seconds)
{
    Summary s = {0, 0, 0, 0};
    unsigned block = d->getPreferredBlockSize(h), seed = 1;
    long total = (long)(seconds * rate), done = 0;
    float **buffers = calloc(channels, sizeof *buffers);
    int c;
    if (block == 0) block = 1024;
    for (c = 0; c < channels; c++) buffers[c] = calloc(block, sizeof **buffers);
    s.initialised = d->initialise(h, channels, block, block);
    for (done = 0; done < total; done += block) {
        long i;
        for (i = 0; i < (long)block; i++) {
            float x = done + i < total ? sample(done + i, rate, &seed) : 0.0f;
            for (c = 0; c < channels; c++) buffers[c][i] = x;
        }
        VampFeatureList *fl = d->process(h, (const float *const *)buffers, (int)(done / rate),
                                         (int)(fmod(done / rate, 1.0) * 1e9));
        summarise(fl, &s);
        d->releaseFeatureSet(fl);
    }
    VampFeatureList *rest = d->getRemainingFeatures(h);
    summarise(rest, &s);
    d->releaseFeatureSet(rest);
    for (c = 0; c < channels; c++) free(buffers[c]);
    free(buffers);
    return s;
}

static int list(const char *so)
{
    void *lib;
    const VampPluginDescriptor *d = load(so, &lib);
    unsigned i, n;
    VampPluginHandle h;
    if (!d) {
        printf("no-descriptor\nhost-alive\n");
        return 3;
    }
    printf("plugin %s api %u\n", d->identifier, d->vampApiVersion);
    h = d->instantiate(d, 44100);
    check(h != NULL, "instantiate");
    if (h) {
        n = d->getOutputCount(h);
        for (i = 0; i < n; i++) {
            VampOutputDescriptor *o = d->getOutputDescriptor(h, i);
            printf("output %s bins %u\n", o->identifier, o->binCount);
            d->releaseOutputDescriptor(o);
        }
        d->cleanup(h);
    }
    printf("host-alive\n");
    return failures ? 1 : 0;
}

static int reload(const char *so, int times)
{
    Summary first = {0, 0, 0, 0};
    int t;
    for (t = 0; t < times; t++) {
        void *lib;
        const VampPluginDescriptor *d = load(so, &lib);
        VampPluginHandle h;
        Summary s;
        check(d != NULL, "descriptor after reload");
        if (!d) break;
        h = d->instantiate(d, 22050);
        s = run(d, h, 22050, 1, 0.5);
        d->cleanup(h);
        check(s.initialised, "initialise");
        if (t == 0) first = s;
        check(s.features == first.features && s.sum == first.sum, "same result after dlclose/dlopen");
        check(dlclose(lib) == 0, "dlclose");
    }
    printf("reloaded %d times, %ld features each\nhost-alive\n", times, first.features);
    return failures ? 1 : 0;
}

static int rates(const char *so)
{
    void *lib;
    const VampPluginDescriptor *d = load(so, &lib);
    VampPluginHandle a = d->instantiate(d, 22050), b = d->instantiate(d, 44100);
    Summary sa, sb;
    /* both alive at once: a's state must not leak into b */
    sa = run(d, a, 22050, 1, 2.0);
    sb = run(d, b, 44100, 2, 2.0);
    printf("22050 Hz: %ld features of %u bins; 44100 Hz: %ld features of %u bins\n", sa.features, sa.bins,
           sb.features, sb.bins);
    /* the frame rate does not depend on the sample rate; the zero-padded last block may add up to one
       block of frames (512-sample hops at 22050 Hz) */
    check(sa.initialised && sb.initialised, "initialise");
    check(labs(sa.features - sb.features) <= (long)(d->getPreferredBlockSize(a) / 512) + 2 && sa.features > 80,
          "same frame count at both rates");
    check(sa.bins == sb.bins && sa.bins >= 64, "the same number of bins (>= 64 mel bands) at both rates");
    d->cleanup(a);
    d->cleanup(b);
    printf("host-alive\n");
    return failures ? 1 : 0;
}

typedef struct { const VampPluginDescriptor *d; Summary s; } Job;

static void *runJob(void *arg)
{
    Job *job = arg;
    VampPluginHandle h = job->d->instantiate(job->d, 44100);
    job->s = run(job->d, h, 44100, 1, 3.0);
    job->d->cleanup(h);
    return NULL;
}

static int threads(const char *so)
{
    void *lib;
    Job jobs[2];
    pthread_t t[2];
    int i;
    const VampPluginDescriptor *d = load(so, &lib);
    for (i = 0; i < 2; i++) {
        jobs[i].d = d;
        pthread_create(&t[i], NULL, runJob, &jobs[i]);
    }
    for (i = 0; i < 2; i++) pthread_join(t[i], NULL);
    printf("threads: %ld and %ld features, checksums %.6f and %.6f\n", jobs[0].s.features, jobs[1].s.features,
           jobs[0].s.sum, jobs[1].s.sum);
    check(jobs[0].s.initialised && jobs[1].s.initialised, "initialise");
    check(jobs[0].s.features > 0 && jobs[0].s.features == jobs[1].s.features, "same feature count in both threads");
    check(jobs[0].s.sum == jobs[1].s.sum, "identical values in both threads");
    printf("host-alive\n");
    return failures ? 1 : 0;
}

/* Every entry point once; results may be empty (a callback may be made to throw). */
static int lifecycle(const char *so)
{
    void *lib;
    const VampPluginDescriptor *d = load(so, &lib);
    VampPluginHandle h;
    unsigned i;
    if (!d) {
        printf("no-descriptor\nhost-alive\n");
        return 3;
    }
    h = d->instantiate(d, 44100);
    if (h) {
        for (i = 0; i < d->parameterCount; i++) d->setParameter(h, i, d->getParameter(h, i));
        if (d->programCount) d->selectProgram(h, d->getCurrentProgram(h));
        printf("step %u block %u channels %u-%u\n", d->getPreferredStepSize(h), d->getPreferredBlockSize(h),
               d->getMinChannelCount(h), d->getMaxChannelCount(h));
        for (i = 0; i < d->getOutputCount(h); i++) {
            VampOutputDescriptor *o = d->getOutputDescriptor(h, i);
            check(o != NULL && o->identifier != NULL, "output descriptor never NULL");
            d->releaseOutputDescriptor(o);
        }
        Summary s = run(d, h, 44100, 2, 0.5);
        d->reset(h);
        printf("initialise %d features %ld\n", s.initialised, s.features);
        d->cleanup(h);
    } else {
        printf("instantiate returned NULL\n");
    }
    printf("host-alive\n");
    return failures ? 1 : 0;
}

/* Threads of this process whose name starts with the engine pool's ("genre-vamp engine N", cut to 15 bytes). */
static int engineThreads(void)
{
    DIR *dir = opendir("/proc/self/task");
    struct dirent *e;
    int n = 0;
    if (!dir) return -1;
    while ((e = readdir(dir))) {
        char path[300], name[64] = "";
        FILE *f;
        if (e->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "/proc/self/task/%s/comm", e->d_name);
        if ((f = fopen(path, "r"))) {
            if (fgets(name, sizeof name, f) && !strncmp(name, "genre-vamp engi", 15)) n++;
            fclose(f);
        }
    }
    closedir(dir);
    return n;
}

/* A host unloading the plugin mid-run (Sonic Visualiser closing a layer being computed). */
static int unload(const char *so, double seconds)
{
    void *lib;
    const VampPluginDescriptor *d = load(so, &lib);
    VampPluginHandle h = d->instantiate(d, 44100);
    unsigned block = d->getPreferredBlockSize(h), seed = 1;
    long total = (long)(seconds * 44100), done;
    float *buffer = calloc(block, sizeof *buffer);
    const float *const buffers[1] = {buffer};
    int during, waited;
    check(d->initialise(h, 1, block, block), "initialise");
    for (done = 0; done < total; done += block) {
        long i;
        for (i = 0; i < (long)block; i++) buffer[i] = sample(done + i, 44100, &seed);
        d->releaseFeatureSet(d->process(h, buffers, (int)(done / 44100.0), 0));
    }
    during = engineThreads();
    d->cleanup(h);
    check(dlclose(lib) == 0, "dlclose");
    /* cleanup joins the pool's Java threads; each OS thread ends just after its Java thread: allow 1 s */
    for (waited = 0; engineThreads() > 0 && waited < 1000; waited++) usleep(1000);
    printf("engine threads during the run %d, after cleanup %d (%d ms later)\n", during, engineThreads(), waited);
    check(engineThreads() == 0, "no engine thread outlives the instance");
    free(buffer);
    printf("host-alive\n");
    return failures ? 1 : 0;
}

/* A host that already runs a JVM without our jars: the plugin must reuse it, not start a second. */
static int foreignJvm(const char *so, const char *libjvmPath)
{
    typedef jint (*Create)(JavaVM **, void **, void *);
    typedef jint (*Created)(JavaVM **, jsize, jsize *);
    void *libjvm = dlopen(libjvmPath, RTLD_NOW | RTLD_GLOBAL);
    JavaVMOption options[] = {{"-Xrs", NULL}, {"-Xmx256m", NULL}};
    JavaVMInitArgs args = {JNI_VERSION_1_8, 2, options, JNI_FALSE};
    JavaVM *vm, *after;
    JNIEnv *env;
    jsize count = 0;
    int rc;
    if (!libjvm || ((Create)dlsym(libjvm, "JNI_CreateJavaVM"))(&vm, (void **)&env, &args) != JNI_OK) {
        fprintf(stderr, "test-host: cannot start a JVM from %s\n", libjvmPath);
        return 2;
    }
    (*vm)->DetachCurrentThread(vm);
    rc = list(so);
    ((Created)dlsym(libjvm, "JNI_GetCreatedJavaVMs"))(&after, 1, &count);
    printf("jvms %d same %d\n", (int)count, after == vm);
    check(count == 1 && after == vm, "the plugin reused the host's JVM");
    return failures ? 1 : rc;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && !strcmp(argv[1], "list")) return list(argv[2]);
    if (argc >= 4 && !strcmp(argv[1], "reload")) return reload(argv[2], atoi(argv[3]));
    if (argc >= 3 && !strcmp(argv[1], "rates")) return rates(argv[2]);
    if (argc >= 3 && !strcmp(argv[1], "threads")) return threads(argv[2]);
    if (argc >= 3 && !strcmp(argv[1], "lifecycle")) return lifecycle(argv[2]);
    if (argc >= 4 && !strcmp(argv[1], "unload")) return unload(argv[2], atof(argv[3]));
    if (argc >= 4 && !strcmp(argv[1], "foreign-jvm")) return foreignJvm(argv[2], argv[3]);
    fprintf(stderr, "usage: test-host list|reload|rates|threads|lifecycle SO [N]\n");
    return 2;
}
