//! The gamma function and the log of its absolute value, computed as CPython 3.11's
//! mathmodule computes them (not with the C library's `tgamma`/`lgamma`, whose last digits
//! differ): Lanczos' approximation with N = 13 and g = 6.024680040776729583740234375 (one of
//! Boost's parameter sets), its sum written as a rational function, a correction for the
//! rounding of `x + g - 0.5`, and the reflection formula for negative arguments. The
//! errors are CPython's: a pole or a negative integer is a domain error ("math domain
//! error"), a result too large for a float a range error ("math range error").

// (The constants are written with all the digits they were computed to; the nearest
// doubles are what the code uses.)
#![allow(clippy::excessive_precision)]

use super::NumError;
use std::f64::consts::PI;

const G: f64 = 6.024680040776729583740234375;
const G_MINUS_HALF: f64 = 5.524680040776729583740234375;

/// The numerator's coefficients, lowest power first.
const NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];

/// The denominator x(x+1)...(x+11) expanded, lowest power first.
const DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

fn domain() -> NumError {
    NumError::Value("math domain error".into())
}

fn range() -> NumError {
    NumError::Overflow("math range error".into())
}

/// Lanczos' sum for x > 0: in powers of x below 5, of 1/x above (no overflow for large x).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + NUM[i];
            den = den * x + DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + NUM[i];
            den = den / x + DEN[i];
        }
    }
    num / den
}

/// sin(pi * x) for finite x, exact at the integers and half-integers.
fn sin_pi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // (Not -sin(pi * (y - 1)), which is -0.0 at y == 1.)
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

/// `math.gamma(x)`.
pub fn gamma(x: f64) -> Result<f64, NumError> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Ok(x)
        } else {
            Err(domain())
        };
    }
    if x == 0.0 {
        return Err(domain());
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(domain());
        }
        if x <= 23.0 {
            // (k - 1)!, exact.
            return Ok((1..x as u64).map(|k| k as f64).product());
        }
    }
    let ax = x.abs();
    if ax < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() { Err(range()) } else { Ok(r) };
    }
    if ax > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / sin_pi(x))
        } else {
            Err(range())
        };
    }
    let y = ax + G_MINUS_HALF;
    // The rounding error of y, scaled: the correction factor is 1 + z.
    let z = if ax > G_MINUS_HALF {
        (y - ax) - G_MINUS_HALF
    } else {
        (y - G_MINUS_HALF) - ax
    };
    let z = z * G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sin_pi(ax) / ax * y.exp() / lanczos_sum(ax);
        r -= z * r;
        if ax < 140.0 {
            r /= y.powf(ax - 0.5);
        } else {
            let p = y.powf(ax / 2.0 - 0.25);
            r /= p;
            r /= p;
        }
    } else {
        r = lanczos_sum(ax) / y.exp();
        r += z * r;
        if ax < 140.0 {
            r *= y.powf(ax - 0.5);
        } else {
            let p = y.powf(ax / 2.0 - 0.25);
            r *= p;
            r *= p;
        }
    }
    if r.is_infinite() { Err(range()) } else { Ok(r) }
}

/// `math.lgamma(x)`: log(abs(gamma(x))).
pub fn lgamma(x: f64) -> Result<f64, NumError> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(domain()) } else { Ok(0.0) };
    }
    let ax = x.abs();
    if ax < 1e-20 {
        return Ok(-ax.ln());
    }
    let mut r = lanczos_sum(ax).ln() - G;
    r += (ax - 0.5) * ((ax + G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = PI.ln() - sin_pi(ax).abs().ln() - ax.ln() - r;
    }
    if r.is_infinite() { Err(range()) } else { Ok(r) }
}
