from reportqa.language.sentences import split_sentences, with_bylines


def _bylines(text: str) -> list[str]:
    return [sentence.text for sentence in with_bylines(text, split_sentences(text))]


def test_a_dateline_is_one_statement_with_its_title_and_speaker() -> None:
    # my own report's opening: the title, the day and meeting, the speaker; then the address
    text = (
        "政府工作报告\n——2031年1月20日在某省第十六届人民代表大会第一次会议上\n\n某省省长  王某\n\n"
        "各位代表：\n\n现在报告工作。"
    )
    assert _bylines(text) == [
        "政府工作报告 ——2031年1月20日在某省第十六届人民代表大会第一次会议上 某省省长  王某",
        "各位代表：",
        "现在报告工作。",
    ]
    # an act dated by the meeting that approved it, in brackets under its title; markup is no speaker
    text = "**某市城市更新规划纲要**\n\n（二〇三一年三月五日某市人民代表大会批准）\n\n<details>"
    assert _bylines(text)[0] == "**某市城市更新规划纲要** （二〇三一年三月五日某市人民代表大会批准）"
    assert _bylines(text)[1] == "<details>"


def test_a_sentence_that_names_a_day_and_a_meeting_is_no_byline() -> None:
    text = "简短的一行\n2031年1月20日，在市人大会议上通过了决定。\n下一行"
    assert _bylines(text) == ["简短的一行", "2031年1月20日，在市人大会议上通过了决定。", "下一行"]
