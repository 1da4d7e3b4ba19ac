#!/usr/bin/python3
"""Generates the fixtures for the org.firstspike.readers tests.

Re-run (needs torch >= 1.6 and numpy; on this machine /usr/bin/python3 has torch 1.13, numpy 1.24):

    cd /work/main && /usr/bin/python3 src/test/resources/readers/make_fixtures.py

It rewrites every fixture next to this script. The Java tests never run Python: they recompute
the expected values from the formulas below, so expected values do not come from the Java code
under test. Element i counts in row-major (C) order over the tensor's logical shape.

    float16/bfloat16/float32/float64 : (i % 17) * 0.25 - 2
    int8                             : (i % 251) - 125
    uint8                            : (i * 7) % 256
    int16                            : i * 37 - 3000
    int32                            : i * 100003 - 5000000
    int64                            : i * 2**40 - 2**45
    uint16 / uint32 / uint64         : i * 4099 / i * 1000003 / i * 2**41
    bool                             : i % 3 == 0
"""
import json
import gzip
import os
import struct
import zipfile
from collections import OrderedDict

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
SHAPE = (3, 5)
N = 15


def idx():
    return np.arange(N, dtype=np.int64)


def formula(kind):
    i = idx()
    if kind == 'float':
        return (i % 17) * 0.25 - 2
    return {
        'int8': (i % 251) - 125,
        'uint8': (i * 7) % 256,
        'int16': i * 37 - 3000,
        'int32': i * 100003 - 5000000,
        'int64': i * 2**40 - 2**45,
        'uint16': i * 4099,
        'uint32': i * 1000003,
        'uint64': i * 2**41,
        'bool': i % 3 == 0,
    }[kind]


def out(*parts):
    path = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


# ---------------------------------------------------------------- PyTorch

TORCH_DTYPES = OrderedDict([
    ('f32', (torch.float32, 'float')), ('f64', (torch.float64, 'float')),
    ('f16', (torch.float16, 'float')), ('bf16', (torch.bfloat16, 'float')),
    ('i8', (torch.int8, 'int8')), ('u8', (torch.uint8, 'uint8')),
    ('i16', (torch.int16, 'int16')), ('i32', (torch.int32, 'int32')),
    ('i64', (torch.int64, 'int64')), ('bool', (torch.bool, 'bool')),
])


def torch_dtypes():
    sd = OrderedDict()
    for key, (dtype, kind) in TORCH_DTYPES.items():
        values = formula(kind)
        if kind == 'float':
            sd[key] = torch.tensor(values, dtype=torch.float64).to(dtype).reshape(SHAPE)
        else:
            sd[key] = torch.tensor(values).to(dtype).reshape(SHAPE)
    torch.save(sd, out('torch_dtypes.pt'))
    return sd


def torch_layouts():
    # base[r][c] = 0.5 * (6r + c); every view below shares base's storage.
    base = torch.arange(24, dtype=torch.float32).reshape(4, 6) * 0.5
    sd = OrderedDict()
    sd['base'] = base
    sd['transposed'] = base.t()              # [6, 4], strides (1, 6)
    sd['sliced'] = base[1:3, 2:5]            # [2, 3], storage offset 8
    sd['row'] = base[2]                      # [6], storage offset 12
    sd['stepped'] = base[:, ::2]             # [4, 3], strides (6, 2)
    sd['expanded'] = torch.tensor([1.5, -2.0, 3.25]).expand(4, 3)  # strides (0, 1)
    sd['scalar'] = torch.tensor(3.5)
    sd['empty'] = torch.zeros(0, 3)
    sd['param'] = torch.nn.Parameter(torch.arange(6, dtype=torch.float32).reshape(2, 3) - 2.5)
    torch.save(sd, out('torch_layouts.pt'))
    assert sd['sliced'].storage_offset() == 8 and sd['expanded'].stride() == (0, 1)


def torch_checkpoint():
    ckpt = {
        'state_dict': OrderedDict([
            ('conv.weight', torch.arange(8, dtype=torch.float32).reshape(2, 1, 2, 2) * 0.125),
            ('conv.bias', torch.tensor([-1.0, 1.0])),
        ]),
        'epoch': 3,
        'lr': 0.001,
        'best': True,
        'name': 'run-7',
        'nothing': None,
        'history': [1, 2, 3],
        'optimizer': {'state': {0: {'step': 5, 'exp_avg': torch.full((2,), 0.75)}},
                      'param_groups': [{'lr': 0.1, 'params': [0]}]},
    }
    torch.save(ckpt, out('torch_checkpoint.pt'))


def torch_misc():
    torch.save(torch.arange(4, dtype=torch.float64) * 1.5, out('torch_tensor.pt'))
    torch.save({'ok': torch.tensor([2**53]), 'big': torch.tensor([2**60 + 1])},
               out('torch_bigint_tensor.pt'))
    torch.save({'step': 2**60 + 1}, out('torch_bigint_scalar.pt'))
    torch.manual_seed(0)
    torch.save(torch.nn.Linear(2, 3), out('torch_module.pt'))
    torch.save({'a': torch.ones(2)}, out('torch_legacy.pt'), _use_new_zipfile_serialization=False)


def torch_bigendian(sd):
    """torch_dtypes.pt with byteorder 'big' and every storage byte-swapped per element.

    torch 1.13 ignores 'byteorder' on load, so instead of reading it back we check that storage
    key k holds exactly the little-endian bytes of the k-th tensor before swapping it.
    """
    src = zipfile.ZipFile(out('torch_dtypes.pt'))
    tensors = list(sd.values())
    with zipfile.ZipFile(out('torch_bigendian.pt'), 'w', zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            data = src.read(info)
            name = info.filename
            prefix, _, rest = name.partition('/')
            if rest.startswith('data/'):
                t = tensors[int(rest[5:])]
                raw = t.view(torch.int16) if t.dtype == torch.bfloat16 else t
                assert raw.numpy().astype(raw.numpy().dtype.newbyteorder('<')).tobytes() == data, name
                size = t.element_size()
                if size > 1:
                    data = np.frombuffer(data, dtype='<u%d' % size).astype('>u%d' % size).tobytes()
            if rest == 'byteorder':
                data = b'big'
            dst.writestr(name.replace('torch_dtypes', 'torch_bigendian', 1), data)
        if not any(n.endswith('/byteorder') for n in src.namelist()):
            dst.writestr('torch_bigendian/byteorder', b'big')


# ---------------------------------------------------------------- NumPy

NPY_DTYPES = ['<f2', '<f4', '<f8', '|i1', '|u1', '<i2', '<i4', '<i8', '<u2', '<u4', '<u8', '|b1',
              '>f2', '>f4', '>f8', '>i2', '>i4', '>i8', '>u2', '>u4', '>u8']


def npy_kind(descr):
    kind = descr[1:]
    return {'f2': 'float', 'f4': 'float', 'f8': 'float', 'i1': 'int8', 'u1': 'uint8',
            'i2': 'int16', 'i4': 'int32', 'i8': 'int64', 'u2': 'uint16', 'u4': 'uint32',
            'u8': 'uint64', 'b1': 'bool'}[kind]


def npy_name(descr):
    order = {'<': 'le', '>': 'be', '|': 'na'}[descr[0]]
    return '%s_%s.npy' % (descr[1:], order)


def numpy_files():
    for descr in NPY_DTYPES:
        arr = formula(npy_kind(descr)).astype(np.dtype(descr)).reshape(SHAPE)
        np.save(out('npy', npy_name(descr)), arr)
    # fortran[i][j][k] = i * 100 + j * 10 + k, stored column-major
    f = np.fromfunction(lambda i, j, k: i * 100 + j * 10 + k, (3, 4, 2), dtype=np.float64)
    np.save(out('npy', 'fortran.npy'), np.asfortranarray(f))
    np.save(out('npy', 'scalar.npy'), np.float32(-7.25))
    np.save(out('npy', 'empty.npy'), np.zeros((0, 3), dtype=np.float32))
    for version in [(2, 0), (3, 0)]:
        with open(out('npy', 'v%d.npy' % version[0]), 'wb') as fh:
            np.lib.format.write_array(fh, formula('float').astype('<f4').reshape(SHAPE), version=version)
    np.save(out('npy', 'u8_huge.npy'), np.array([1, 2**60 + 1], dtype='<u8'))
    arrays = {'weights': formula('float').astype('<f4').reshape(SHAPE),
              'labels': formula('uint8').astype('|u1'),
              'scalar': np.int64(42)}
    np.savez(out('arrays.npz'), **arrays)
    np.savez_compressed(out('arrays_compressed.npz'), **arrays)


# ---------------------------------------------------------------- JSON

def json_files():
    nested = OrderedDict([
        ('w', formula('float').reshape(SHAPE).tolist()),
        ('ints', [[1, -2], [3, 4]]),
        ('scalar', 2.5),
        ('flag', False),
        ('note', 'ignored'),
        ('layer', OrderedDict([
            ('weight', {'shape': [2, 3], 'data': [0.5, 1, 1.5, 2, 2.5, 3], 'dtype': 'float32'}),
            ('bias', {'shape': [2], 'data': [7, -7]}),
            ('q', {'shape': [3], 'data': [-128, 0, 127], 'dtype': 'int8'}),
        ])),
        ('empty', []),
        ('special', [float('nan'), float('inf'), float('-inf')]),
    ])
    with open(out('tensors.json'), 'w') as fh:
        json.dump(nested, fh, indent=1)


# ---------------------------------------------------------------- IDX

def idx_file(name, code, fmt, shape, values, compress):
    header = struct.pack('>BBBB', 0, 0, code, len(shape)) + struct.pack('>%dI' % len(shape), *shape)
    body = struct.pack('>%d%s' % (len(values), fmt), *values)
    data = header + body
    path = out('idx', name)
    if compress:
        with gzip.open(path, 'wb') as fh:
            fh.write(data)
    else:
        with open(path, 'wb') as fh:
            fh.write(data)


def idx_files():
    i = list(range(60))
    idx_file('images-idx3-ubyte.gz', 0x08, 'B', (3, 4, 5), [(v * 7) % 256 for v in i], True)
    idx_file('labels-idx1-ubyte', 0x08, 'B', (7,), [v % 10 for v in range(7)], False)
    idx_file('i8-idx2-byte', 0x09, 'b', (3, 5), [(v % 251) - 125 for v in range(15)], False)
    idx_file('i16-idx2-short', 0x0B, 'h', (3, 5), [v * 37 - 3000 for v in range(15)], False)
    idx_file('i32-idx2-int.gz', 0x0C, 'i', (3, 5), [v * 100003 - 5000000 for v in range(15)], True)
    idx_file('f32-idx2-float', 0x0D, 'f', (3, 5), [(v % 17) * 0.25 - 2 for v in range(15)], False)
    idx_file('f64-idx2-double', 0x0E, 'd', (3, 5), [(v % 17) * 0.25 - 2 for v in range(15)], False)


if __name__ == '__main__':
    sd = torch_dtypes()
    torch_layouts()
    torch_checkpoint()
    torch_misc()
    torch_bigendian(sd)
    numpy_files()
    json_files()
    idx_files()
    print('fixtures written to', HERE)
