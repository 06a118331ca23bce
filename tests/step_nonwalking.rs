//! Synthetic non-walking test bench: riding in cars, buses and trains,
//! handling the phone, and posture changes, with a seeded deterministic
//! generator (no external data, no new dependencies). The generator is also
//! used by `examples/step_nonwalking.rs`, which prints false steps per hour
//! per scenario at several sampling rates.
//!
//! Physical models (vertical = along gravity, world frame, then rotated into a
//! random phone orientation; the detector sees the vector including gravity):
//!
//! - **Road vibration**: Gaussian noise band-limited to 1-20 Hz (two
//!   high-passes at 1 Hz, two low-passes at 20 Hz), vertical RMS per
//!   scenario (ISO 2631 ride levels: car 0.2-0.5, rough road 0.8 m/s^2);
//!   horizontal at half the vertical level.
//! - **Body/suspension bounce**: narrow-band noise, white noise through a
//!   resonator (centre 1.0-1.8 Hz, Q 2-4) whose centre frequency also
//!   wanders +-15% with speed over ~20 s. Its amplitude and phase drift from
//!   cycle to cycle (Rayleigh envelope), like a real body bounce.
//! - **Braking, accelerating, turning**: 0.05-0.5 Hz noise, RMS ~0.7-1 m/s^2
//!   (peaks 2-3 m/s^2), plus stop-and-go events for buses.
//! - **Bumps**: Poisson impulses, a 10-12 Hz wheel hop (decays in ~0.1 s)
//!   plus a damped body response at the bounce frequency; speed bumps hit
//!   twice (front and rear axle, 0.3-0.4 s apart).
//! - **Train**: smooth ride and, at every rail joint (25 m rails), a click
//!   per axle: two axles of a bogie 0.1 s apart, the second bogie later, so
//!   clicks repeat about every second: a rhythmic trap.
//! - **Handling**: on a table, picked up, looked at (hand tremor 8-12 Hz,
//!   slow arm sway, taps), turned over, pocketed, taken out again.
//! - **Posture**: sit down, stand up, lie down, roll over, fidget.

#![allow(dead_code)]

use std::f64::consts::PI;

pub type S = (f64, f64, f64, f64);
const G: f64 = 9.81;

// --------------------------------------------------------------- generator --

/// splitmix64: seeded, deterministic, portable.
pub struct Rng(u64);
impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn u(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in [a, b).
    pub fn range(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.u()
    }
    /// Standard normal (Box-Muller).
    pub fn n(&mut self) -> f64 {
        let u1 = self.u().max(1e-300);
        let u2 = self.u();
        (-2.0 * u1.ln()).sqrt() * (2.0 * PI * u2).cos()
    }
}

/// Biquad (RBJ cookbook), transposed direct form II.
#[derive(Clone, Copy)]
struct Bq {
    b: [f64; 3],
    a: [f64; 2],
    s: [f64; 2],
}
impl Bq {
    fn raw(b0: f64, b1: f64, b2: f64, a0: f64, a1: f64, a2: f64) -> Self {
        Self {
            b: [b0 / a0, b1 / a0, b2 / a0],
            a: [a1 / a0, a2 / a0],
            s: [0.0; 2],
        }
    }
    fn lp(fc: f64, fs: f64) -> Self {
        let w = 2.0 * PI * fc / fs;
        let (sn, cs) = w.sin_cos();
        let al = sn * std::f64::consts::FRAC_1_SQRT_2;
        Self::raw(
            (1.0 - cs) / 2.0,
            1.0 - cs,
            (1.0 - cs) / 2.0,
            1.0 + al,
            -2.0 * cs,
            1.0 - al,
        )
    }
    fn hp(fc: f64, fs: f64) -> Self {
        let w = 2.0 * PI * fc / fs;
        let (sn, cs) = w.sin_cos();
        let al = sn * std::f64::consts::FRAC_1_SQRT_2;
        Self::raw(
            (1.0 + cs) / 2.0,
            -(1.0 + cs),
            (1.0 + cs) / 2.0,
            1.0 + al,
            -2.0 * cs,
            1.0 - al,
        )
    }
    /// Band-pass (0 dB peak) at `f0` with quality `q`.
    fn bp(f0: f64, q: f64, fs: f64) -> Self {
        let w = 2.0 * PI * f0 / fs;
        let (sn, cs) = w.sin_cos();
        let al = sn / (2.0 * q);
        Self::raw(al, 0.0, -al, 1.0 + al, -2.0 * cs, 1.0 - al)
    }
    /// Change coefficients, keep state (slowly wandering resonance).
    fn retune(&mut self, other: Bq) {
        self.b = other.b;
        self.a = other.a;
    }
    fn run(&mut self, x: f64) -> f64 {
        let y = self.b[0] * x + self.s[0];
        self.s[0] = self.b[1] * x - self.a[0] * y + self.s[1];
        self.s[1] = self.b[2] * x - self.a[1] * y;
        y
    }
}

fn rms(v: &[f64]) -> f64 {
    (v.iter().map(|x| x * x).sum::<f64>() / v.len().max(1) as f64).sqrt()
}

fn scale_to(mut v: Vec<f64>, target: f64) -> Vec<f64> {
    let r = rms(&v).max(1e-12);
    for x in v.iter_mut() {
        *x *= target / r;
    }
    v
}

/// Gaussian noise band-limited to `lo`-`hi` Hz (4th order each side), scaled
/// to `target` RMS.
pub fn colored(rng: &mut Rng, n: usize, fs: f64, lo: f64, hi: f64, target: f64) -> Vec<f64> {
    let mut f = [
        Bq::hp(lo, fs),
        Bq::hp(lo, fs),
        Bq::lp(hi, fs),
        Bq::lp(hi, fs),
    ];
    // Warm up the filters so the start is stationary.
    for _ in 0..(20.0 * fs / lo.max(0.05)).min(200_000.0) as usize {
        let mut x = rng.n();
        for b in f.iter_mut() {
            x = b.run(x);
        }
    }
    let v = (0..n)
        .map(|_| {
            let mut x = rng.n();
            for b in f.iter_mut() {
                x = b.run(x);
            }
            x
        })
        .collect();
    scale_to(v, target)
}

/// Narrow-band noise: white noise through a resonator at `f0` (quality `q`),
/// the centre frequency wandering by +-`wander` (fraction) over ~20 s.
/// Scaled to `target` RMS.
pub fn narrow(
    rng: &mut Rng,
    n: usize,
    fs: f64,
    f0: f64,
    q: f64,
    wander: f64,
    target: f64,
) -> Vec<f64> {
    let drift = colored(rng, n + 1, fs, 0.02, 0.08, 1.0);
    let mut r = [Bq::bp(f0, q, fs), Bq::bp(f0, q, fs)];
    // The two cascaded sections give Q about q * 1.55; use q / 1.55 each.
    let qq = q / 1.55;
    for s in r.iter_mut() {
        *s = Bq::bp(f0, qq, fs);
    }
    for _ in 0..(30.0 * fs) as usize {
        let mut x = rng.n();
        for s in r.iter_mut() {
            x = s.run(x);
        }
    }
    let mut out = Vec::with_capacity(n);
    for (i, d) in drift.iter().take(n).enumerate() {
        if i % 10 == 0 {
            let f = f0 * (1.0 + wander * d.clamp(-1.5, 1.5) / 1.5);
            for s in r.iter_mut() {
                s.retune(Bq::bp(f, qq, fs));
            }
        }
        let mut x = rng.n();
        for s in r.iter_mut() {
            x = s.run(x);
        }
        out.push(x);
    }
    scale_to(out, target)
}

/// Add a damped oscillation `amp * exp(-t/tau) * sin(2 pi f t)` starting at
/// `t0` seconds into `v` (sampled at `fs`).
fn ring(v: &mut [f64], fs: f64, t0: f64, amp: f64, f: f64, tau: f64) {
    let i0 = (t0 * fs).ceil().max(0.0) as usize;
    let len = (6.0 * tau * fs) as usize;
    for i in i0..(i0 + len).min(v.len()) {
        let t = i as f64 / fs - t0;
        v[i] += amp * (-t / tau).exp() * (2.0 * PI * f * t).sin();
    }
}

/// Rotation matrix from unit axis and angle.
fn rot(axis: [f64; 3], ang: f64) -> [[f64; 3]; 3] {
    let n = (axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2])
        .sqrt()
        .max(1e-12);
    let (x, y, z) = (axis[0] / n, axis[1] / n, axis[2] / n);
    let (s, c) = ang.sin_cos();
    let t = 1.0 - c;
    [
        [t * x * x + c, t * x * y - s * z, t * x * z + s * y],
        [t * x * y + s * z, t * y * y + c, t * y * z - s * x],
        [t * x * z - s * y, t * y * z + s * x, t * z * z + c],
    ]
}

fn mul(m: &[[f64; 3]; 3], v: [f64; 3]) -> [f64; 3] {
    [
        m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
        m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
        m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
    ]
}

fn random_axis(rng: &mut Rng) -> [f64; 3] {
    [rng.n(), rng.n(), rng.n()]
}

/// World-frame acceleration (x, y horizontal, z vertical; gravity added
/// here) into phone-frame samples. The phone's orientation is `base` turned
/// by `tilt[i]` radians about `axis` (slow wobble or handling rotations).
fn to_phone(
    rng: &mut Rng,
    fs: f64,
    t0: f64,
    world: [&[f64]; 3],
    base: [[f64; 3]; 3],
    axis: [f64; 3],
    tilt: &[f64],
) -> Vec<S> {
    let n = world[2].len();
    (0..n)
        .map(|i| {
            let a = [world[0][i], world[1][i], world[2][i] + G];
            let m = rot(axis, tilt.get(i).copied().unwrap_or(0.0));
            let p = mul(&base, mul(&m, a));
            (
                t0 + i as f64 / fs,
                p[0] + 0.02 * rng.n(),
                p[1] + 0.02 * rng.n(),
                p[2] + 0.02 * rng.n(),
            )
        })
        .collect()
}

// --------------------------------------------------------------- scenarios --

/// One vehicle ride.
#[derive(Clone, Copy, Debug)]
pub struct Ride {
    /// Vertical RMS of the 1-20 Hz road vibration (m/s^2).
    pub vib: f64,
    /// Body/suspension bounce: centre (Hz), quality, vertical RMS (m/s^2).
    pub bounce_f: f64,
    pub bounce_q: f64,
    pub bounce: f64,
    /// RMS of braking/turning accelerations, 0.05-0.5 Hz (m/s^2).
    pub manoeuvre: f64,
    /// Mean seconds between bumps (0 = none); bump wheel-hop amplitude.
    pub bump_every: f64,
    pub bump: f64,
    /// Vibration upper band edge (Hz): a seated or standing body filters.
    pub vib_hi: f64,
    /// Standing rider: slow body sway RMS (m/s^2, 0.2-0.8 Hz) and phone in
    /// hand (tremor, orientation wobble).
    pub sway: f64,
}

pub fn ride(r: Ride, seconds: f64, fs: f64, seed: u64) -> Vec<S> {
    let mut rng = Rng::new(seed);
    let n = (seconds * fs) as usize;
    let vib = colored(&mut rng, n, fs, 1.0, r.vib_hi, r.vib);
    let bounce = narrow(&mut rng, n, fs, r.bounce_f, r.bounce_q, 0.15, r.bounce);
    let mut z: Vec<f64> = vib.iter().zip(&bounce).map(|(a, b)| a + b).collect();
    let mut x = colored(&mut rng, n, fs, 0.05, 0.5, r.manoeuvre);
    let mut y = colored(&mut rng, n, fs, 0.05, 0.5, 0.8 * r.manoeuvre);
    let hx = colored(&mut rng, n, fs, 1.0, r.vib_hi, 0.5 * r.vib);
    let hy = colored(&mut rng, n, fs, 1.0, r.vib_hi, 0.5 * r.vib);
    for i in 0..n {
        x[i] += hx[i];
        y[i] += hy[i];
    }
    if r.bump_every > 0.0 {
        let mut t = rng.range(0.0, r.bump_every);
        while t < seconds {
            let a = r.bump * rng.range(0.5, 1.5);
            let speed_bump = rng.u() < 0.2;
            let hits = if speed_bump { 2 } else { 1 };
            let gap = rng.range(0.3, 0.4);
            for h in 0..hits {
                let th = t + h as f64 * gap;
                ring(&mut z, fs, th, a, rng.range(10.0, 12.0), 0.03);
                ring(&mut z, fs, th, 0.4 * a, r.bounce_f, 0.35);
            }
            // exponential inter-arrival
            t += -r.bump_every * (1.0 - rng.u()).ln();
        }
    }
    let mut tilt = vec![0.0; n];
    if r.sway > 0.0 {
        // Standing rider: the body sways slowly, the hand trembles and the
        // phone wobbles by ~10 degrees.
        let sw = colored(&mut rng, n, fs, 0.2, 0.8, r.sway);
        let sw2 = colored(&mut rng, n, fs, 0.2, 0.8, r.sway);
        let tremor = colored(&mut rng, n, fs, 8.0, 12.0, 0.08);
        let wob = colored(&mut rng, n, fs, 0.05, 0.5, 0.15);
        for i in 0..n {
            x[i] += sw[i];
            y[i] += sw2[i];
            z[i] += tremor[i];
        }
        tilt.copy_from_slice(&wob);
    } else {
        let wob = colored(&mut rng, n, fs, 0.05, 0.5, 0.03);
        tilt.copy_from_slice(&wob);
    }
    let base = rot(random_axis(&mut rng), rng.range(0.0, PI));
    let axis = random_axis(&mut rng);
    to_phone(&mut rng, fs, 0.0, [&x, &y, &z], base, axis, &tilt)
}

/// Car, smooth road.
pub const CAR_SMOOTH: Ride = Ride {
    vib: 0.2,
    bounce_f: 1.4,
    bounce_q: 3.0,
    bounce: 0.2,
    manoeuvre: 0.7,
    bump_every: 20.0,
    bump: 1.0,
    vib_hi: 20.0,
    sway: 0.0,
};
/// Car, rough road.
pub const CAR_ROUGH: Ride = Ride {
    vib: 0.4,
    bounce: 0.4,
    bump_every: 8.0,
    bump: 2.0,
    ..CAR_SMOOTH
};
/// Car on cobbles / gravel.
pub const CAR_COBBLES: Ride = Ride {
    vib: 0.8,
    bounce: 0.6,
    bounce_q: 2.0,
    bump_every: 5.0,
    bump: 3.0,
    ..CAR_SMOOTH
};
/// Bus, seated: softer, lower body bounce, strong braking.
pub const BUS_SEATED: Ride = Ride {
    vib: 0.3,
    bounce_f: 1.1,
    bounce_q: 2.5,
    bounce: 0.5,
    manoeuvre: 1.0,
    bump_every: 10.0,
    bump: 2.0,
    vib_hi: 20.0,
    sway: 0.0,
};
/// Bus, standing rider holding the phone: legs filter the vibration,
/// the body sways, the hand trembles.
pub const BUS_STANDING: Ride = Ride {
    vib: 0.25,
    vib_hi: 6.0,
    bounce: 0.35,
    sway: 0.4,
    ..BUS_SEATED
};
/// Worst case of the old bench: strongly resonant 1.5-1.8 Hz bounce (a
/// step-like rhythm) with broadband vibration.
pub const CAR_RESONANT: Ride = Ride {
    vib: 0.3,
    bounce_f: 1.7,
    bounce_q: 4.0,
    bounce: 0.5,
    manoeuvre: 0.7,
    bump_every: 15.0,
    bump: 1.5,
    vib_hi: 20.0,
    sway: 0.0,
};

/// Train: smooth ride, rail-joint clicks. `rail_period` s between joints
/// (25 m rail / speed); the speed wanders +-10%.
pub fn train(rail_period: f64, click: f64, seconds: f64, fs: f64, seed: u64) -> Vec<S> {
    let mut rng = Rng::new(seed);
    let n = (seconds * fs) as usize;
    let vib = colored(&mut rng, n, fs, 2.0, 20.0, 0.12);
    let bounce = narrow(&mut rng, n, fs, 1.0, 2.0, 0.15, 0.15);
    let mut z: Vec<f64> = vib.iter().zip(&bounce).map(|(a, b)| a + b).collect();
    let mut x = colored(&mut rng, n, fs, 0.02, 0.2, 0.3);
    let mut y = narrow(&mut rng, n, fs, 0.8, 2.0, 0.15, 0.3);
    let hv = colored(&mut rng, n, fs, 2.0, 20.0, 0.06);
    for i in 0..n {
        x[i] += hv[i];
        y[i] += 0.5 * hv[i];
    }
    let speed = colored(&mut rng, n, fs, 0.005, 0.03, 1.0);
    let mut t = 0.5;
    while t < seconds {
        let idx = ((t * fs) as usize).min(n - 1);
        let p = rail_period * (1.0 + 0.1 * speed[idx].clamp(-1.5, 1.5) / 1.5);
        // Bogie under the rider: two axles 2.5 m apart (0.1 of a rail
        // period at 25 m rails); the far bogie (17.5 m, 0.7 period) is weaker.
        for (dt, a) in [(0.0, 1.0), (0.1, 0.9), (0.7, 0.4), (0.8, 0.35)] {
            let amp = click * a * rng.range(0.7, 1.3);
            ring(&mut z, fs, t + dt * p, amp, rng.range(12.0, 18.0), 0.02);
            ring(&mut z, fs, t + dt * p, 0.15 * amp, 6.0, 0.08);
        }
        t += p;
    }
    let wob = colored(&mut rng, n, fs, 0.05, 0.5, 0.03);
    let base = rot(random_axis(&mut rng), rng.range(0.0, PI));
    let axis = random_axis(&mut rng);
    to_phone(&mut rng, fs, 0.0, [&x, &y, &z], base, axis, &wob)
}

/// Handling the phone while standing or sitting: a random sequence of
/// episodes (table, pick up, look at the screen with tremor and taps, turn
/// over, pocket, take out, put down).
pub fn handling(seconds: f64, fs: f64, seed: u64) -> Vec<S> {
    let mut rng = Rng::new(seed);
    let n = (seconds * fs) as usize;
    let mut x = vec![0.0; n];
    let mut y = vec![0.0; n];
    let mut z = vec![0.0; n];
    // Orientation as a sequence of rotation angles about a per-episode axis;
    // implemented by an accumulated rotation matrix per sample.
    let mut orient: Vec<[[f64; 3]; 3]> = Vec::with_capacity(n);
    let mut cur = rot([1.0, 0.0, 0.0], 0.0);
    let tremor = colored(&mut rng, n, fs, 8.0, 12.0, 1.0);
    let arm = colored(&mut rng, n, fs, 0.3, 2.0, 1.0);
    let mut i = 0;
    let mut in_hand = false;
    while i < n {
        let kind = rng.u();
        // Episode length 2-20 s.
        let len = ((rng.range(2.0, 20.0)) * fs) as usize;
        let end = (i + len).min(n);
        if kind < 0.25 || !in_hand && kind < 0.5 {
            // Rest: on a table (in_hand=false) or held still looking at the
            // screen: tremor 0.05-0.15 m/s^2, slow arm motion 0.1-0.3, taps.
            let tr = if in_hand { rng.range(0.05, 0.15) } else { 0.0 };
            let am = if in_hand { rng.range(0.1, 0.3) } else { 0.0 };
            let tap_rate = if in_hand { rng.range(0.0, 3.0) } else { 0.0 };
            for k in i..end {
                z[k] += tr * tremor[k] + am * arm[k];
                x[k] += 0.7 * am * arm[(k + 37) % n];
                y[k] += tr * tremor[(k + 101) % n];
                orient.push(cur);
            }
            if tap_rate > 0.0 {
                let mut t = i as f64 / fs + rng.range(0.0, 1.0 / tap_rate);
                while t < end as f64 / fs {
                    ring(
                        &mut z,
                        fs,
                        t,
                        rng.range(0.5, 2.0),
                        rng.range(15.0, 20.0),
                        0.02,
                    );
                    t += rng.range(0.1, 2.0 / tap_rate);
                }
            }
        } else {
            // A movement: pick up / put down / pocket / take out / turn over:
            // a rotation of 60-180 degrees over 0.5-2 s with a translation
            // (acceleration then deceleration, 2-6 m/s^2) and jolts.
            let dur = rng.range(0.5, 2.0);
            let m = ((dur * fs) as usize).min(end - i);
            let axis = random_axis(&mut rng);
            let total = rng.range(1.0, PI);
            let amp = rng.range(2.0, 6.0);
            let dir = [rng.n(), rng.n(), rng.n()];
            let dn = (dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]).sqrt();
            let start = cur;
            for k in 0..m {
                let s = k as f64 / m.max(1) as f64;
                // smooth rotation profile
                let ang = total * (s - (2.0 * PI * s).sin() / (2.0 * PI));
                let r = rot(axis, ang);
                let mut c = [[0.0; 3]; 3];
                for a in 0..3 {
                    for b in 0..3 {
                        c[a][b] = (0..3).map(|j| start[a][j] * r[j][b]).sum();
                    }
                }
                orient.push(c);
                let acc = amp * (2.0 * PI * s).sin();
                x[i + k] += acc * dir[0] / dn;
                y[i + k] += acc * dir[1] / dn;
                z[i + k] += acc * dir[2] / dn;
                cur = c;
            }
            // jolts at the start and end (grip, contact with table or pocket)
            let t_start = i as f64 / fs;
            ring(
                &mut z,
                fs,
                t_start,
                rng.range(1.0, 5.0),
                rng.range(8.0, 15.0),
                0.04,
            );
            ring(
                &mut z,
                fs,
                t_start + dur,
                rng.range(1.0, 8.0),
                rng.range(8.0, 15.0),
                0.04,
            );
            in_hand = !in_hand || rng.u() < 0.5;
            // rest of the episode: held or lying, small motion
            let tr = if in_hand { rng.range(0.05, 0.15) } else { 0.0 };
            for k in (i + m)..end {
                z[k] += tr * tremor[k];
                orient.push(cur);
            }
        }
        i = end;
    }
    (0..n)
        .map(|k| {
            let a = [x[k], y[k], z[k] + G];
            let p = mul(&orient[k], a);
            (
                k as f64 / fs,
                p[0] + 0.02 * rng.n(),
                p[1] + 0.02 * rng.n(),
                p[2] + 0.02 * rng.n(),
            )
        })
        .collect()
}

/// Posture changes with the phone in a trouser pocket: sit down, stand up,
/// lie down, roll over, fidget (leg jiggle 3-5 Hz in short bursts), shifting
/// weight while standing, 1-2 balance steps.
pub fn posture(seconds: f64, fs: f64, seed: u64) -> Vec<S> {
    let mut rng = Rng::new(seed);
    let n = (seconds * fs) as usize;
    let mut x = vec![0.0; n];
    let mut z = vec![0.0; n];
    let mut tilt = vec![0.0; n];
    let mut angle: f64 = 0.0;
    let sway = colored(&mut rng, n, fs, 0.1, 1.0, 0.1);
    let mut i = 0;
    while i < n {
        let len = (rng.range(5.0, 40.0) * fs) as usize;
        let end = (i + len).min(n);
        let t = i as f64 / fs;
        let kind = rng.u();
        if kind < 0.4 {
            // Sit down / stand up / lie down / roll over: the thigh turns
            // by 60-100 degrees in ~1.5 s, the body accelerates down/up by
            // 2-4 m/s^2, impact on the seat.
            let target = if angle.abs() > 0.5 {
                0.0
            } else {
                rng.range(1.0, 1.7) * if rng.u() < 0.5 { 1.0 } else { -1.0 }
            };
            let dur = rng.range(1.0, 2.5);
            let m = ((dur * fs) as usize).min(end - i);
            let a = rng.range(2.0, 4.0);
            for k in 0..m {
                let s = k as f64 / m.max(1) as f64;
                tilt[i + k] = angle + (target - angle) * (s - (2.0 * PI * s).sin() / (2.0 * PI));
                z[i + k] += a * (2.0 * PI * s).sin();
                x[i + k] += 0.5 * a * (PI * s).sin();
            }
            ring(
                &mut z,
                fs,
                t + dur * 0.6,
                rng.range(2.0, 6.0),
                rng.range(6.0, 10.0),
                0.06,
            );
            angle = target;
            for v in tilt.iter_mut().take(end).skip(i + m) {
                *v = angle;
            }
            for k in (i + m)..end {
                z[k] += sway[k];
            }
        } else if kind < 0.6 {
            // Fidget: leg jiggle 3-6 Hz bursts of 1-4 s, 0.5-2 m/s^2.
            let mut k = i;
            while k < end {
                let f = rng.range(3.0, 6.0);
                let a = rng.range(0.5, 2.0);
                let m = (rng.range(1.0, 4.0) * fs) as usize;
                for j in k..(k + m).min(end) {
                    z[j] += a * (2.0 * PI * f * (j - k) as f64 / fs).sin();
                    tilt[j] = angle;
                }
                k += m + (rng.range(1.0, 6.0) * fs) as usize;
            }
            for v in tilt.iter_mut().take(end).skip(i) {
                *v = angle;
            }
        } else if kind < 0.8 && angle.abs() < 0.5 {
            // Standing: weight shifts and 1-2 balance steps.
            let steps = 1 + (rng.u() * 2.0) as usize;
            let mut ts = t + rng.range(1.0, 3.0);
            for _ in 0..steps {
                ring(
                    &mut z,
                    fs,
                    ts,
                    rng.range(2.0, 4.0),
                    rng.range(6.0, 10.0),
                    0.05,
                );
                ring(&mut z, fs, ts, 1.0, 1.8, 0.2);
                ts += rng.range(0.5, 0.8);
            }
            for k in i..end {
                z[k] += sway[k];
                x[k] += sway[(k + 77) % n];
                tilt[k] = angle;
            }
        } else {
            for k in i..end {
                z[k] += 0.3 * sway[k];
                tilt[k] = angle;
            }
        }
        i = end;
    }
    let base = rot(random_axis(&mut rng), rng.range(0.0, PI));
    let y = vec![0.0; n];
    to_phone(
        &mut rng,
        fs,
        0.0,
        [&x, &y, &z],
        base,
        [1.0, 0.0, 0.0],
        &tilt,
    )
}

/// Synthetic walking (heel strike pulse + body bounce), phone in a fixed
/// tilted orientation. Returns samples and true step times.
pub fn walk(t0: f64, seconds: f64, rate: f64, fs: f64, seed: u64) -> (Vec<S>, Vec<f64>) {
    let mut rng = Rng::new(seed);
    let mut steps = Vec::new();
    let mut ts = t0 + 0.3;
    while ts < t0 + seconds - 0.3 {
        steps.push(ts);
        ts += (1.0 + 0.03 * rng.n()) / rate;
    }
    let n = (seconds * fs) as usize;
    let up = [0.28, 0.55, 0.786];
    let mut out = Vec::with_capacity(n);
    let mut k0 = 0;
    for i in 0..n {
        let t = t0 + i as f64 / fs;
        let mut v = -1.0;
        while k0 < steps.len() && steps[k0] < t - 0.6 {
            k0 += 1;
        }
        for (k, &st) in steps.iter().enumerate().skip(k0) {
            let d = t - st;
            if d < -0.6 {
                break;
            }
            let side = if k % 2 == 0 { 1.0 } else { 0.85 };
            v += side
                * (3.5 * (-(d / 0.03).powi(2) / 2.0).exp()
                    + 1.2 * (-(d / 0.12).powi(2) / 2.0).exp());
        }
        let a = G + v;
        out.push((
            t,
            up[0] * a + 0.05 * rng.n(),
            up[1] * a + 0.05 * rng.n(),
            up[2] * a + 0.05 * rng.n(),
        ));
    }
    (out, steps)
}

/// Shift a trace in time.
pub fn shifted(s: Vec<S>, dt: f64) -> Vec<S> {
    s.into_iter()
        .map(|(t, x, y, z)| (t + dt, x, y, z))
        .collect()
}

/// Resample a uniformly sampled trace as a browser would deliver it at `hz`.
pub fn at_hz(s: &[S], hz: f64) -> Vec<S> {
    loopwalk::domain::steps::resample_latest(s, hz)
}

/// All scenarios: (name, generator(seconds, fs, seed)).
pub type Gen = fn(f64, f64, u64) -> Vec<S>;
pub fn scenarios() -> Vec<(&'static str, Gen)> {
    vec![
        ("car smooth (0.2+0.2 m/s^2)", |s, f, k| {
            ride(CAR_SMOOTH, s, f, k)
        }),
        ("car rough (0.4+0.4)", |s, f, k| ride(CAR_ROUGH, s, f, k)),
        ("car cobbles (0.8+0.6)", |s, f, k| {
            ride(CAR_COBBLES, s, f, k)
        }),
        ("car resonant 1.7 Hz Q4 (0.3+0.5)", |s, f, k| {
            ride(CAR_RESONANT, s, f, k)
        }),
        ("bus seated (0.3+0.5)", |s, f, k| ride(BUS_SEATED, s, f, k)),
        ("bus standing, in hand", |s, f, k| {
            ride(BUS_STANDING, s, f, k)
        }),
        ("train, joints every 1.0 s", |s, f, k| {
            train(1.0, 1.5, s, f, k)
        }),
        ("train, joints every 0.7 s", |s, f, k| {
            train(0.7, 2.5, s, f, k)
        }),
        ("handling the phone", handling),
        ("posture changes, pocket", posture),
    ]
}

/// Steps per hour counted on `seconds` of a scenario at `fs` Hz.
pub fn false_per_hour(gen: Gen, seconds: f64, fs: f64, seed: u64) -> f64 {
    let s = gen(seconds, fs, seed);
    loopwalk::domain::steps::count_steps(&s) as f64 * 3600.0 / seconds
}

/// A whole synthetic day-in-miniature at `fs` Hz: handling while standing,
/// a walk to the stop, a bus ride (seated), a walk, a train ride, a walk,
/// then sitting with posture changes. Returns samples and the true number of
/// steps (walks only).
pub fn commute(fs: f64, seed: u64) -> (Vec<S>, usize) {
    let mut out: Vec<S> = Vec::new();
    let mut truth = 0;
    let mut t = 0.0;
    let add = |s: Vec<S>, out: &mut Vec<S>, t: &mut f64| {
        let d = s.last().map_or(0.0, |x| x.0) + 1.0 / fs;
        out.extend(shifted(s, *t));
        *t += d;
    };
    add(handling(60.0, fs, seed), &mut out, &mut t);
    for (k, part) in [0, 1, 2, 3, 4].into_iter().enumerate() {
        let rate = [1.6, 1.9, 1.4, 2.1, 1.8][k];
        let (w, st) = walk(0.0, 90.0, rate, fs, seed * 10 + k as u64);
        truth += st.len();
        add(w, &mut out, &mut t);
        let s = match part {
            0 => ride(BUS_SEATED, 300.0, fs, seed + 100),
            1 => train(1.0, 1.5, 300.0, fs, seed + 101),
            2 => ride(CAR_ROUGH, 300.0, fs, seed + 102),
            3 => ride(BUS_STANDING, 300.0, fs, seed + 103),
            _ => posture(300.0, fs, seed + 104),
        };
        add(s, &mut out, &mut t);
    }
    (out, truth)
}

// ------------------------------------------------------------------- tests --

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_is_deterministic_and_levels_are_as_specified() {
        let a = ride(CAR_ROUGH, 60.0, 50.0, 3);
        let b = ride(CAR_ROUGH, 60.0, 50.0, 3);
        assert_eq!(a, b);
        // Magnitude minus gravity: vertical RMS ~ sqrt(0.4^2 + 0.4^2) plus
        // bumps and a little from the horizontal part.
        let m: Vec<f64> = a
            .iter()
            .map(|s| (s.1 * s.1 + s.2 * s.2 + s.3 * s.3).sqrt() - G)
            .collect();
        let mean = m.iter().sum::<f64>() / m.len() as f64;
        let r = (m.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / m.len() as f64).sqrt();
        assert!((0.5..0.9).contains(&r), "vertical RMS {r}");
    }
}

#[cfg(test)]
mod regression {
    use super::*;
    use loopwalk::domain::steps::count_steps;

    /// Steps per hour over `minutes` of a scenario generated at 200 Hz and
    /// delivered at `hz`, summed over seeds 1-2.
    fn per_hour(gen: Gen, minutes: f64, hz: f64) -> f64 {
        let mut n = 0;
        for seed in 1..=2 {
            n += count_steps(&at_hz(&gen(minutes * 60.0, 200.0, seed), hz));
        }
        n as f64 * 60.0 / (2.0 * minutes)
    }

    #[test]
    fn smooth_rides_and_rest_produce_no_steps() {
        // Below ~0.15 m/s^2 the band peaks stay under the 0.4 m/s^2 floor.
        let smooth = Ride {
            vib: 0.1,
            bounce: 0.1,
            bump_every: 0.0,
            ..CAR_SMOOTH
        };
        for hz in [25.0, 60.0, 100.0] {
            let s = at_hz(&ride(smooth, 600.0, 200.0, 5), hz);
            assert_eq!(count_steps(&s), 0, "smooth ride at {hz} Hz");
        }
    }

    #[test]
    fn handling_and_posture_stay_rare() {
        for hz in [25.0, 60.0, 100.0] {
            let h = per_hour(handling, 20.0, hz);
            // 0/h measured since a walk from rest needs 8-12 peaks (was ~50).
            assert!(h <= 30.0, "handling {h}/h at {hz} Hz");
            let p = per_hour(posture, 20.0, hz);
            assert!(p <= 600.0, "posture {p}/h at {hz} Hz");
        }
    }

    #[test]
    fn trains_stay_below_bounds() {
        for hz in [25.0, 60.0, 100.0] {
            let a = per_hour(|s, f, k| train(1.0, 1.5, s, f, k), 20.0, hz);
            // 0/h measured (was 100-170).
            assert!(a <= 60.0, "train 1.0 s joints: {a}/h at {hz} Hz");
            let b = per_hour(|s, f, k| train(0.7, 2.5, s, f, k), 20.0, hz);
            assert!(b <= 60.0, "train 0.7 s joints: {b}/h at {hz} Hz");
        }
    }

    #[test]
    fn vehicle_rides_stay_below_bounds() {
        // Known weakness (docs/step-detector.md): a random 1-2 Hz body bounce
        // of >= 0.2 m/s^2 with road vibration is counted in part. These
        // bounds only guard against regressions (measured + ~40%).
        for (name, r, bound) in [
            // Measured + ~30% (car smooth was ~1,900/h before issue 15).
            ("car smooth", CAR_SMOOTH, 300.0),
            ("bus seated", BUS_SEATED, 4400.0),
            ("bus standing", BUS_STANDING, 3800.0),
        ] {
            let f = per_hour_ride(r, 20.0, 60.0);
            assert!(f <= bound, "{name}: {f}/h");
        }
    }

    fn per_hour_ride(r: Ride, minutes: f64, hz: f64) -> f64 {
        let mut n = 0;
        for seed in 1..=2 {
            n += count_steps(&at_hz(&ride(r, minutes * 60.0, 200.0, seed), hz));
        }
        n as f64 * 60.0 / (2.0 * minutes)
    }

    #[test]
    fn a_whole_recording_counts_the_walks() {
        // Handling, walk, handling, walk, posture changes, at 25/60/100 Hz:
        // the walks are counted within 3% plus what handling and posture
        // add at their bounded rates.
        let fs = 200.0;
        let mut s: Vec<S> = Vec::new();
        let mut truth = 0;
        let mut t = 0.0;
        for (k, part) in [0u64, 1, 2].into_iter().enumerate() {
            let pre = if part == 2 {
                posture(180.0, fs, 70 + part)
            } else {
                handling(120.0, fs, 70 + part)
            };
            let d = pre.last().unwrap().0 + 1.0 / fs;
            s.extend(shifted(pre, t));
            t += d;
            let (w, st) = walk(0.0, 120.0, [1.5, 1.9, 2.2][k], fs, 80 + part);
            truth += st.len();
            let d = w.last().unwrap().0 + 1.0 / fs;
            s.extend(shifted(w, t));
            t += d;
        }
        for hz in [25.0, 60.0, 100.0] {
            let c = count_steps(&at_hz(&s, hz)) as f64;
            let err = c - truth as f64;
            assert!(
                err.abs() <= 0.03 * truth as f64 + 15.0,
                "{hz} Hz: {c} vs {truth}"
            );
        }
    }
}
