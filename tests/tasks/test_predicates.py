"""The predicate tests' word lists (task_lexicon.yaml): a positive and a negative example each."""

from __future__ import annotations

from directive_nlp.tasks import predicates


def test_organise_words_tell_the_noun_from_the_verb():
    assert predicates.NOUN_TOCHUC.match("tổ chức đảng")  # organise_words + organisation_words
    assert predicates.NOUN_TOCHUC.match("tổ chức và cá nhân")  # conjunctions
    assert not predicates.NOUN_TOCHUC.match("tổ chức hội nghị")


def test_account_manner_and_nominal_words():
    assert predicates._ACCOUNT.match(" trước UBND tỉnh")  # account_words
    assert not predicates._ACCOUNT.match(" triển khai")
    assert predicates._MANNER_TAIL.search("chỉ đạo quyết liệt")  # manner_tails
    assert not predicates._MANNER_TAIL.search("chỉ đạo các sở")
    assert predicates._NOMINAL_RUN.search("đẩy mạnh công tác tuyên truyền")  # nominal_run_heads
    assert not predicates._NOMINAL_RUN.search("đẩy mạnh tuyên truyền pháp luật")


def test_verb_like_noun_before_a_verb_is_the_noun():
    # verb_like_nouns: "ứng dụng" (to apply / an application) followed at once by a verb is the noun
    assert not predicates.is_verb_start("ứng dụng sử dụng, khai thác dữ liệu mở")
    assert not predicates.is_verb_start("ứng dụng vận hành hạ tầng trọng yếu")
    assert predicates.is_verb_start("ứng dụng công nghệ số trong quản lý")
    assert predicates.is_verb_start("ứng dụng các công nghệ số tiên tiến như AI")


def test_bare_noun_item_then_verb_like_noun_continues_the_list():
    assert predicates.noun_item_then_verb_like_noun("phương tiện", "ứng dụng khoa học và công nghệ")
    assert predicates.noun_item_then_verb_like_noun(" các mô hình mẫu", " ứng dụng mẫu chuyển đổi số")
    # a segment with its own verb, a long one, or another verb on the right: no
    assert not predicates.noun_item_then_verb_like_noun("đảm bảo liên thông", "ứng dụng các công nghệ số")
    assert not predicates.noun_item_then_verb_like_noun("các cơ sở cai nghiện ma túy chất lượng cao",
                                                        "ứng dụng khoa học")
    assert not predicates.noun_item_then_verb_like_noun("phương tiện", "nâng cao năng lực")
    # "kết nối" (connectivity) is such a noun too; after a verb-led segment it is still an act
    assert predicates.noun_item_then_verb_like_noun(" trung tâm dữ liệu", " kết nối băng rộng tốc độ cao")
    assert not predicates.noun_item_then_verb_like_noun("xây dựng cơ sở dữ liệu", "kết nối dữ liệu với hệ thống")


def test_noun_head_pair_then_verb_like_noun():
    # verb_like_noun_heads: "năng lực", "mô hình" take a pair of nominalised acts
    assert predicates.head_pair_then_verb_like_noun("nâng cao năng lực quản lý", "ứng dụng công nghệ")
    assert predicates.head_pair_then_verb_like_noun("cơ chế cho các mô hình kinh doanh", "ứng dụng công nghệ mới")
    assert not predicates.head_pair_then_verb_like_noun("bảo đảm liên thông tới địa phương", "ứng dụng công nghệ")
    assert not predicates.head_pair_then_verb_like_noun("nâng cao năng lực quản lý", "xây dựng cơ sở dữ liệu")
