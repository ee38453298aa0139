// CGSL: the GNU Scientific Library as ReachSim uses it. No stable API: only ReachSim's
// `Support/` wrapper should import this module.
//
// Three things live here besides the GSL headers:
//  1. Accessors for GSL's global generator types. Swift 6 refuses to read GSL's mutable
//     globals (`gsl_rng_mt19937`), so each is returned from a `static inline` function.
//  2. ReachSim's own generator, xoshiro256++ (Blackman & Vigna, 2019), registered as a custom
//     `gsl_rng_type`. Swift draws from its state inline in hot loops, and GSL's samplers
//     (binomial, gamma, ...) draw from the very same state through `gsl_rng_get`, so one
//     replicate has one stream whichever side draws.
//  3. A cache prefetch hint, which Swift has no builtin for (used by the cascade kernel).
#ifndef REACHSIM_CGSL_SHIM_H
#define REACHSIM_CGSL_SHIM_H

#include <stdint.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_errno.h>

static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }

/// State of xoshiro256++: four 64-bit words, never all zero.
typedef struct { uint64_t s[4]; } cgsl_xoshiro_state;

static inline uint64_t cgsl_rotl(const uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t cgsl_xoshiro_next(cgsl_xoshiro_state *st) {
    uint64_t *s = st->s;
    const uint64_t result = cgsl_rotl(s[0] + s[3], 23) + s[0];
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = cgsl_rotl(s[3], 45);
    return result;
}

static inline uint64_t cgsl_splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static inline void cgsl_xoshiro_set(void *vstate, unsigned long int seed) {
    cgsl_xoshiro_state *st = (cgsl_xoshiro_state *)vstate;
    uint64_t x = (uint64_t)seed;
    for (int i = 0; i < 4; i++) st->s[i] = cgsl_splitmix64(&x);
}

/// GSL's integer interface: the top 32 bits (GSL expects values in [min, max]).
static inline unsigned long int cgsl_xoshiro_get(void *vstate) {
    return (unsigned long int)(cgsl_xoshiro_next((cgsl_xoshiro_state *)vstate) >> 32);
}

/// Uniform in [0, 1) with 53 random bits.
static inline double cgsl_xoshiro_get_double(void *vstate) {
    return (double)(cgsl_xoshiro_next((cgsl_xoshiro_state *)vstate) >> 11) * 0x1.0p-53;
}

static const gsl_rng_type cgsl_xoshiro_type = {
    "xoshiro256++",
    0xFFFFFFFFUL,
    0,
    sizeof(cgsl_xoshiro_state),
    &cgsl_xoshiro_set,
    &cgsl_xoshiro_get,
    &cgsl_xoshiro_get_double
};

static inline const gsl_rng_type *cgsl_rng_xoshiro256pp(void) { return &cgsl_xoshiro_type; }

/// The generator's state, for Swift to draw from inline.
static inline cgsl_xoshiro_state *cgsl_xoshiro_state_of(gsl_rng *r) {
    return (cgsl_xoshiro_state *)r->state;
}

/// Asks the CPU to bring the cache line holding `p` closer ahead of a read; no effect on results,
/// and harmless for any address (a prefetch never faults).
static inline void cgsl_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

#endif
