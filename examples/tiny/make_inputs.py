"""Writes inputs.npy: 100 spike-time samples for examples/tiny.ttfs (input x, shape [3], domain t).

Sample 0 is the case solved by hand in tiny.ttfs (x = 0, ln 2, ln 3: class 0). The rest are
drawn with a fixed seed: each time uniform in [0, 4), or, one time in six, 4 = t_max (no spike).
Run once to regenerate (numpy only); the product reads the .npy and needs no Python.
"""
import numpy as np

rng = np.random.default_rng(20261124)
x = rng.uniform(0.0, 4.0, size=(100, 3))
x[rng.integers(0, 6, size=x.shape) == 0] = 4.0
x[0] = [0.0, np.log(2.0), np.log(3.0)]
np.save("inputs.npy", x.astype(np.float64))
