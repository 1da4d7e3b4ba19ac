"""Regenerates the small weight fixtures of the malformed-program corpus (numpy only, no torch).

Run from this directory: python3 make_fixtures.py
"""
import io
import json
import pickle
import sys
import types
import zipfile

import numpy as np

# --- tiny.json: a dense 2x4 weight, a bias and a 4x2x3x3 conv kernel -------------------------
conv = (np.arange(4 * 2 * 3 * 3, dtype=np.float64) % 7 - 3) / 10
tiny = {
    "fc": {"weight": [[0.1, 0.2, 0.3, 0.4], [0.5, 0.6, 0.7, 0.8]], "bias": [0.1, 0.2]},
    "conv": {"weight": {"shape": [4, 2, 3, 3], "data": [round(float(v), 3) for v in conv.ravel()]}},
    "conv_flat": {"weight": {"shape": [4, 18], "data": [round(float(v), 3) for v in conv.ravel()]}},
    "levels": {"shape": [2, 4], "data": [1, -2, 3, 4, -5, 6, 7, -8]},
    "levels_frac": {"shape": [2, 4], "data": [1, -2, 3.5, 4, -5, 6, 7, -8]},
    "delay": [0.5, -0.25, 1.0, 0.0],
    "bn": {"weight": [1.0, 1.0], "bias": [0.0, 0.0], "mean": [0.0, 0.0], "var": [1.0, -0.5], "var_ok": [1.0, 0.5]},
    "enc": {"weight": {"shape": [2, 1, 3, 3], "data": [0.1] * 18}},
    "fc36": {"weight": {"shape": [2, 36], "data": [round(0.01 * (i % 9), 2) for i in range(72)]}},
    "fc72": {"weight": {"shape": [2, 72], "data": [round(0.01 * (i % 9), 2) for i in range(144)]}},
}
with open("tiny.json", "w") as f:
    json.dump(tiny, f)
    f.write("\n")

# --- nan.json: a dense weight holding NaN (Python's json writes it bare) ---------------------
with open("nan.json", "w") as f:
    f.write('{"fc": {"weight": [[0.1, 0.2, NaN, 0.4], [0.5, 0.6, 0.7, 0.8]]}}\n')

# --- truncated.npy: a 2x4 float32 .npy with its data cut short ------------------------------
buf = io.BytesIO()
np.save(buf, np.ones((2, 4), dtype=np.float32))
data = buf.getvalue()
with open("truncated.npy", "wb") as f:
    f.write(data[: len(data) - 12])

# --- tiny.pt and half.pt: a torch.save-style zip (pickle + storages), then cut in half -------
torch = types.ModuleType("torch")
utils = types.ModuleType("torch._utils")
sys.modules["torch"] = torch
sys.modules["torch._utils"] = utils


class FloatStorage:
    pass


FloatStorage.__module__ = "torch"
torch.FloatStorage = FloatStorage


def _rebuild_tensor_v2(*args):
    raise NotImplementedError


_rebuild_tensor_v2.__module__ = "torch._utils"
utils._rebuild_tensor_v2 = _rebuild_tensor_v2


class Storage:
    def __init__(self, key, numel):
        self.key, self.numel = key, numel


class Tensor:
    def __init__(self, storage, shape):
        self.storage, self.shape = storage, shape

    def __reduce__(self):
        stride, s = [], 1
        for d in reversed(self.shape):
            stride.insert(0, s)
            s *= d
        import collections
        return (_rebuild_tensor_v2, (self.storage, 0, tuple(self.shape), tuple(stride), False,
                                     collections.OrderedDict()))


class TorchPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Storage):
            return ("storage", FloatStorage, obj.key, "cpu", obj.numel)
        return None


w = np.array([[0.1, 0.2, 0.3, 0.4], [0.5, 0.6, 0.7, 0.8]], dtype=np.float32)
import collections
sd = collections.OrderedDict([("fc.weight", Tensor(Storage("0", 8), [2, 4]))])
pk = io.BytesIO()
TorchPickler(pk, protocol=2).dump(sd)
zbuf = io.BytesIO()
with zipfile.ZipFile(zbuf, "w", zipfile.ZIP_STORED) as z:
    for name, data in [("tiny/data.pkl", pk.getvalue()), ("tiny/byteorder", b"little"),
                       ("tiny/data/0", w.tobytes()), ("tiny/version", b"3\n")]:
        z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data)  # fixed time: same bytes every run
pt = zbuf.getvalue()
with open("tiny.pt", "wb") as f:
    f.write(pt)
with open("half.pt", "wb") as f:
    f.write(pt[: len(pt) // 2])

# --- not_weights.json: valid JSON that is not an object of tensors --------------------------
with open("not_weights.json", "w") as f:
    f.write('[1, 2, 3]\n')
