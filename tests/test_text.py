from __future__ import annotations

from tracker.text import clean_text, split_sentences


def test_furniture_is_removed_and_quotes_kept() -> None:
    text = "\n".join(
        [
            "Japan tells citizens to leave",
            "“Leave now,” the minister said.",
            "See also  Coffee grounds are an ally in cleaning",
            "Peter Klaunzer-Pool / Keystone via Getty Images",
            "Source link Japan tells citizens to leave",
            "The post Japan tells citizens to leave appeared first on Example.",
            "We want our comments to be a lively and valuable part of our community.",
            "Defence chiefs met today. pic.twitter.comabc123",
            "Leave a Reply",
            "France should evacuate too!",
        ]
    )
    cleaned = clean_text(text)
    assert "“Leave now,” the minister said." in cleaned
    for gone in ("See also", "Getty", "Source link", "appeared first", "comments", "pic.twitter", "France"):
        assert gone not in cleaned
    assert "Defence chiefs met today." in cleaned


def test_sentences_respect_abbreviations_and_initials() -> None:
    text = (
        "Mr. Biden spoke to the U.S. ambassador on Feb. 11 in Kyiv. No. 10 said Britons should leave. "
        "A. Blinken agreed! Then what?"
    )
    sentences = [s.text for s in split_sentences(text)]
    assert sentences == [
        "Mr. Biden spoke to the U.S. ambassador on Feb. 11 in Kyiv.",
        "No. 10 said Britons should leave.",
        "A. Blinken agreed!",
        "Then what?",
    ]


def test_lines_without_final_punctuation_are_sentences_and_offsets_point_back() -> None:
    text = "Title without stop\n\nat the beginning of the week Once again the United States advise citizens\nNext"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Title without stop",
        "at the beginning of the week Once again the United States advise citizens",
        "Next",
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    assert sentences[0].paragraph != sentences[1].paragraph


def test_quoted_sentence_ends_inside_the_quote() -> None:
    sentences = [s.text for s in split_sentences("“We urge all British nationals to leave.” The minister left.")]
    assert sentences == ["“We urge all British nationals to leave.”", "The minister left."]


def test_a_comments_heading_with_a_count_ends_the_article() -> None:
    cleaned = clean_text("Britain told its citizens to leave.\n\nComments (3)\n\nGordon_T: Canada should leave too.")
    assert cleaned == "Britain told its citizens to leave."


def test_no_ends_a_sentence_when_words_follow() -> None:
    sentences = [
        s.text for s in split_sentences("Is the embassy closing? No. On Sunday the staff left. No. 10 agreed.")
    ]
    assert sentences == ["Is the embassy closing?", "No.", "On Sunday the staff left.", "No. 10 agreed."]


def test_replies_in_a_thread_are_dropped_and_the_article_after_them_kept() -> None:
    text = (
        "3/5 All Kenyans still in Sudan are advised to leave the country.\n\nReplies\n\n"
        "@wanjiku_k · May 2\nUganda flew its people out a week ago.\n\n"
        "The ministry said on Wednesday that a further group was expected in Nairobi."
    )
    cleaned = clean_text(text)
    assert "Uganda" not in cleaned and "@wanjiku_k" not in cleaned
    assert cleaned.endswith("a further group was expected in Nairobi.")


def test_a_table_row_is_one_sentence_with_its_date() -> None:
    row = "Britain | Embassy closed. Remaining Britons told to leave Iraq immediately | 12 Jan"
    assert [s.text for s in split_sentences(row)] == [row]


def test_hard_wrapped_paragraphs_are_joined_and_lists_are_not() -> None:
    wrapped = (
        "In London, the Foreign Office told Britons on Wednesday to leave\n"
        "Albania by any means available, and said the embassy would be cut to a\n"
        "skeleton staff. Most of the roughly 60 British nationals in the\n"
        "country have gone.\n"
        "\n"
        "- Britain: told Britons to leave on Wednesday, embassy staff cut\n"
        "- Italy: navy helicopters lifted out about 180 people on Thursday\n"
        "- Germany: army helicopters came under fire as they lifted people\n"
    )
    sentences = [s.text for s in split_sentences(clean_text(wrapped))]
    assert sentences[0] == (
        "In London, the Foreign Office told Britons on Wednesday to leave Albania by any means available, and said "
        "the embassy would be cut to a skeleton staff."
    )
    assert sentences[1] == "Most of the roughly 60 British nationals in the country have gone."
    assert sentences[2:] == [line for line in wrapped.splitlines()[5:]]


def test_an_official_accounts_post_is_kept_and_a_readers_reply_dropped() -> None:
    text = (
        "@PolandMFA · 1 Oct 2024 · 20:03\nThe Ministry calls on Polish citizens in Iran to leave.\n\n"
        "@mel_k_travels · 1 Oct 2024\nWhat about flights via Dubai?\n\n"
        "@lufthansa_news · 1 Oct 2024 · 22:15\nFlights to Tehran remain suspended.\n"
    )
    cleaned = clean_text(text)
    assert "Polish citizens" in cleaned and "@PolandMFA" in cleaned
    assert "Dubai" not in cleaned and "Tehran" not in cleaned


def test_machine_translation_splits_at_lower_case_starts_but_not_before_a_continuing_word() -> None:
    text = "the fights continued friday. germany sent a plane on wednesday. Singapore urged Singaporeans. to leave."
    assert [s.text for s in split_sentences(text, lowercase_starts=True)] == [
        "the fights continued friday.",
        "germany sent a plane on wednesday.",
        "Singapore urged Singaporeans. to leave.",
    ]
    # ordinary text keeps a lower-case start inside the sentence
    assert len(split_sentences("He left at 5 p.m. yesterday.")) == 1


def test_a_comment_label_over_an_opinion_piece_cuts_nothing() -> None:
    text = "Europe's slow retreat\n\nCOMMENT\n\n" + "Ten days ago five officials were murdered in the city. " * 4
    assert "Ten days ago" in clean_text(text)
    # after the piece, the same heading starts the comments
    assert "Great piece" not in clean_text(text + "\n\nComments\n\nGreat piece!")


def test_a_table_pasted_as_csv_reads_as_table_rows() -> None:
    text = (
        "date,country,measure,source\n"
        '2024-01-10,Colombia,"Consulate in Guayaquil closed until further notice",Cancilleria press release\n'
        '2024-01-11,Germany,"Families of embassy staff flown out",Der Spiegel\n'
    )
    lines = clean_text(text).split("\n")
    assert (
        lines[1]
        == "Colombia | 2024-01-10 | Consulate in Guayaquil closed until further notice | Cancilleria press release"
    )
    assert lines[2].startswith("Germany | 2024-01-11 |")
