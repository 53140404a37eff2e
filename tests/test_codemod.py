"""The codemod, tested the way LibCST tests its own: CodemodTest.assertCodemod(before, after)."""
from __future__ import annotations

import pathlib

import pytest
from libcst.codemod import CodemodTest

from flake8_freshchat.codemod import MoveCredentialsToEnviron, fix_source
from flake8_freshchat.engine import analyze_source, decode_source

from .conftest import CASES
from .synthetic import freshchat_token, hex_key

KEY = hex_key(1)
KEY2 = hex_key(2)
TOKEN = freshchat_token(3)


class TestMoveCredentialsToEnviron(CodemodTest):
    TRANSFORM = MoveCredentialsToEnviron

    def test_assignment_adds_import_once(self):
        self.assertCodemod(
            f'import sys\nAPI_KEY = "{KEY}"\nSECRET = "{KEY2}"\n',
            'import sys\nimport os\n\nAPI_KEY = os.environ["API_KEY"]\nSECRET = os.environ["SECRET"]\n')

    def test_existing_import_is_kept(self):
        self.assertCodemod(f'import os\napi_key = "{KEY}"\n', 'import os\napi_key = os.environ["API_KEY"]\n')

    def test_keyword_argument_and_mapping_keys_give_names(self):
        self.assertCodemod(
            f'import os\nconnect(password="Tr0ub4dor&3", headers={{"X-Api-Key": "{KEY}"}})\n',
            'import os\nconnect(password=os.environ["CONNECT_PASSWORD"], headers={"X-Api-Key": os.environ["X_API_KEY"]})\n')

    def test_parameter_default_uses_get(self):
        self.assertCodemod(f'import os\ndef f(token="{KEY}"):\n    pass\n',
                           'import os\ndef f(token=os.environ.get("F_TOKEN")):\n    pass\n')

    def test_fallbacks_are_removed(self):
        self.assertCodemod(
            f'import os\na = os.getenv("API_TOKEN", "{KEY}")\nb = os.environ.get("DB_PASSWORD", default="Tr0ub4dor&3",)\n',
            'import os\na = os.getenv("API_TOKEN")\nb = os.environ.get("DB_PASSWORD")\n')

    def test_statements_that_plant_values_are_removed(self):
        self.assertCodemod(
            f'import os\nos.environ["API_TOKEN"] = "{KEY}"\ndef f():\n    os.environ.setdefault("DB_PASSWORD", "Tr0ub4dor&3")\nx = 1; os.environ["SECRET"] = "{KEY2}"\n',
            'import os\ndef f():\n    pass\nx = 1\n')

    def test_bearer_keeps_its_scheme(self):
        self.assertCodemod(
            f'import os\nAPI = "https://x.freshchat.com"\nh = {{"Authorization": "Bearer {TOKEN}"}}\n',
            'import os\nAPI = "https://x.freshchat.com"\n'
            'h = {"Authorization": f"Bearer {os.environ[\'FRESHCHAT_API_TOKEN\']}"}\n')

    def test_bytes_are_encoded(self):
        self.assertCodemod(f'import os\napi_key = b"{KEY}"\n', 'import os\napi_key = os.environ["API_KEY"].encode()\n')

    def test_token_inside_an_fstring_part(self):
        self.assertCodemod(
            f'import os\nurl = f"https://h/{{path}}?jwt={TOKEN}&x=1"\n',
            'import os\nurl = f"https://h/{path}?jwt={os.environ[\'FRESHCHAT_API_TOKEN\']}&x=1"\n')

    def test_implicit_concatenation_replaced_whole(self):
        half = len(KEY) // 2
        self.assertCodemod(f'import os\napi_key = ("{KEY[:half]}" "{KEY[half:]}")\n',
                           'import os\napi_key = (os.environ["API_KEY"])\n')

    def test_owners_tell_bare_names_apart(self):
        self.assertCodemod(
            'import os\na = dict(password="Tr0ub4dor&3")\nb = dict(password="Tr0ub4dor&3")\nc = dict(password="Xk9#mQ2!")\n',
            'import os\na = dict(password=os.environ["A_PASSWORD"])\nb = dict(password=os.environ["B_PASSWORD"])\n'
            'c = dict(password=os.environ["C_PASSWORD"])\n')

    def test_same_value_keeps_one_name_and_a_suffix_is_the_last_resort(self):
        self.assertCodemod(
            'import os\nPASSWORD = "Tr0ub4dor&3"\nPASSWORD = "Tr0ub4dor&3"\nPASSWORD = "Xk9#mQ2!"\n',
            'import os\nPASSWORD = os.environ["PASSWORD"]\nPASSWORD = os.environ["PASSWORD"]\n'
            'PASSWORD = os.environ["PASSWORD_2"]\n')

    def test_a_taken_name_is_qualified_by_its_owner_before_any_suffix(self):
        self.assertCodemod(
            'import os\nAPI_KEY = "Tr0ub4dor&3"\nclass Stripe:\n    API_KEY = "Xk9#mQ2!zzP"\n',
            'import os\nAPI_KEY = os.environ["API_KEY"]\nclass Stripe:\n    API_KEY = os.environ["STRIPE_API_KEY"]\n')

    def test_fallback_name_is_reserved_before_others_take_it(self):
        self.assertCodemod(
            f'import os\nAPI_TOKEN = "{KEY}"\nt = os.getenv("API_TOKEN", "{KEY2}")\n',
            'import os\nAPI_TOKEN = os.environ["API_TOKEN_2"]\nt = os.getenv("API_TOKEN")\n')

    def test_names_the_module_already_reads_are_not_reused_for_other_values(self):
        self.assertCodemod(
            'import os\npassword = os.environ["PASSWORD"]\nconnect(password="Tr0ub4dor&3")\n',
            'import os\npassword = os.environ["PASSWORD"]\nconnect(password=os.environ["CONNECT_PASSWORD"])\n')

    def test_a_bare_name_in_code_that_reads_it_takes_a_suffix_last(self):
        self.assertCodemod(
            'import os\npassword = os.environ["PASSWORD"]\nf = lambda: dict(password="Tr0ub4dor&3")\n',
            'import os\npassword = os.environ["PASSWORD"]\nf = lambda: dict(password=os.environ["F_PASSWORD"])\n')

    def test_lookup_get(self):
        self.assertCodemod(f'import os\napi_key = "{KEY}"\n', 'import os\napi_key = os.environ.get("API_KEY")\n',
                           lookup="get")

    def test_unfixable_and_suppressed_are_left_alone(self):
        source = (f'def f(token):\n    """{TOKEN}"""\n    return token == "{KEY}"\n'
                  f'API_KEY = "{KEY2}"  # noqa: FCH201\n')
        self.assertCodemod(source, source)

    def test_comments_between_pieces_are_kept(self):
        half = len(KEY) // 2
        self.assertCodemod(
            f'import os\napi_key = ("{KEY[:half]}"  # first half\n           "{KEY[half:]}")\n',
            'import os\napi_key = (os.environ["API_KEY"]  # first half\n)\n')

    def test_refuses_rather_than_drop_a_comment(self):
        half = len(KEY) // 2
        source = f'import os\nf(api_key="{KEY[:half]}"  # first half\n  "{KEY[half:]}")\n'
        self.assertCodemod(source, source, expected_warnings=[
            "line 2: FCH202 not fixed: comments between the pieces of the string would be lost; edit it by hand"])


FIXED_CASES = sorted(CASES.glob("*.fixed.py"))


@pytest.mark.parametrize("fixed", FIXED_CASES, ids=lambda p: p.name)
def test_case_files_fix_to_their_fixed_file(fixed: pathlib.Path):
    original = fixed.with_name(fixed.name.replace(".fixed.py", ".py"))
    assert fix_source(original.read_bytes()).code == fixed.read_bytes()


@pytest.mark.parametrize("fixed", FIXED_CASES + sorted((CASES / "docs").glob("*.fixed.py")), ids=lambda p: p.name)
def test_fixed_files_hold_only_the_unfixable_findings(fixed: pathlib.Path):
    original = fixed.with_name(fixed.name.replace(".fixed.py", ".py"))
    before = analyze_source(decode_source(original.read_bytes()))
    after = analyze_source(decode_source(fixed.read_bytes()))
    assert sorted(f.code for f in after) == sorted(f.code for f in before if not f.fixable)
    assert fix_source(fixed.read_bytes()).changed is False  # a second run changes nothing


def test_fix_cases_are_present():
    assert {p.name for p in FIXED_CASES} >= {"positions.fixed.py", "non_ascii.fixed.py", "freshchat_context.fixed.py"}
