"""Every placement of every suppression comment: each surface (flake8, pylint, check, fix,
the language server) reports exactly the marked lines. pylint's pragmas apply as pylint
scopes them; every surface follows."""
import os

A_TOKEN = "4da5d20b8c494fc53a2c15fc2668ca4c"  # noqa
B_TOKEN = "5188a91398b7d4cda840fac9d9cbe942"  # noqa: FCH201
C_TOKEN = "441d3be927fd71ca0721299e9dc4c233"  # NOQA:FCH2,E501
D_TOKEN = "389f1a96157cb1ac3db9418cc2378784"  # noqa: E501  # expect: FCH201
E_TOKEN = ("3572188974e344bf6e2a120cef57e740"
           "80a27c6d5f168a76a16553438de6f035")  # noqa: FCH201
F_TOKEN = "db54a2feda77d0e6952bc0ec23cd37d5"  # pragma: allowlist secret
# pragma: allowlist nextline secret
G_TOKEN = "fc162561309aba00b29df21d5dd6ab6c"
H_TOKEN = "783e4d502121363506730cf6752849de"  # pylint: disable=hardcoded-credential-assignment
I_TOKEN = "7597d62aab5abe4b2e103b01e9bbbf27"  # pylint: disable=W7121
J_TOKEN = "b0da506f722fa6f97c2ddb76b8661f5e"  # pylint: disable=W
K_TOKEN = "91433ce56ba34dd4505981b173499fd8"  # pylint: disable=freshchat
L_TOKEN = "17e1e934ff66dfe2932443453097c501"  # pylint: disable=hardcoded-credential-argument  # expect: FCH201
M_TOKEN = ("4e4ba1b955ddddcb4ee9d46e6e66afbd"  # expect: FCH201
           "bfe6e46136f822ff3aa2e6a47ea1cc9f")
N_TOKEN = ("cf3188809d2e1d4bf69d7f171217a00e"
           "533f3bb66f709b507e57266820d2b2f1")  # pylint: disable=hardcoded-credential-assignment
# pylint: disable-next=hardcoded-credential-assignment
O_TOKEN = "5e1a5b3f87ca2e48f8fe05bf8c90836e"
P_TOKEN = "4b4d109c221c15f32dca77ec651e06f2"  # expect: FCH201
P2_TOKEN = (  # pylint: disable=hardcoded-credential-assignment
    "6a4a127a45c9478104982947ee47846e")  # expect: FCH201


def in_a_function(flag):
    before_token = "54a044a8b26233166bb3a364d095f9ae"  # expect: FCH201
    # pylint: disable=hardcoded-credential-assignment
    after_secret = "eb34cf2c7e93f9b29abb788328d240cf"
    if flag:
        nested_token = "6d639c77ae2b1aec24843eedf6ee8248"
    return before_token, after_secret, nested_token


def on_the_def_line():  # pylint: disable=hardcoded-credential-assignment
    body_token = "ef50d9ccaf0c14396f7e53ca4e93b25d"  # expect: FCH201
    return body_token


def in_branches(flag, items):
    if flag:
        first_token = "de5b51afa8a3e6b9ba2ad3f4397cdc44"  # expect: FCH201
        # pylint: disable=W7121
        second_token = "0466039f4227a540b49cffe03805f58b"
    else:
        else_token = "5a89427e4e8c2fe6d2115f0341bc8d96"
    try:
        # pylint: disable=hardcoded-credential-assignment
        try_token = "fa8b6a18a49f91298ee903e7e150de9a"
    except ValueError:
        handler_token = "952af9a184c6777a5c539200b831624e"
    for _ in items:
        # pylint: disable=hardcoded-credential-assignment
        loop_token = "cf52912fc630d81900185c9f9b4e208f"
    after_token = "0565d88520b1893a322e992d83eb9a26"  # expect: FCH201
    return first_token, second_token, else_token, try_token, handler_token, loop_token, after_token


def connect(password="a8ec8e6607f39d1ea4e746113d9c7562"):  # expect: FCH203
    # pylint: disable=hardcoded-credential-default
    return password


class OnTheClassLine:  # pylint: disable=hardcoded-credential-assignment
    class_token = "5cba0716d0e3a701dd28ec0135fd2c5d"


class WithABase(object):  # pylint: disable=hardcoded-credential-assignment
    base_token = "90894c1bc1aa9430010b617a4c5f2839"  # expect: FCH201


class InTheBody:
    early_token = "ca10b1b55324679112b085d3205d5afd"  # expect: FCH201
    # pylint: disable=hardcoded-credential-assignment
    late_token = "f9729e20a25b37cd7f3c01c09db4bd79"


SETTINGS = {
    # pylint: disable=hardcoded-credential-mapping
    "api_key": "68cfe72f86340f2be34476d6230362c5",
    "secret": "1121ff155fd23079c2a41dd334c4cbbf",
}
OUTSIDE = {"api_key": "8e8f4fb557a0725549d1ec55b70d3fbf"}  # expect: FCH204
Q_TOKEN = "4dc0804518895e0c5789ce6455e95220"  # expect: FCH201
# pylint: disable=hardcoded-credential-assignment
R_TOKEN = "545eca7fc5d611ffca3f48e64e738749"
# pylint: enable=hardcoded-credential-assignment
S_TOKEN = "1c5e85252a3e43a0237070693d380fea"  # expect: FCH201
os.environ.setdefault("T_TOKEN", "b5691a3256853239b351c4438bd19d57")  # expect: FCH205
