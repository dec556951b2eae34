// BudouX phrase boundaries: expected values are the output of the reference
// JavaScript parser (npm budoux 0.9.2, Parser.parseBoundaries with the
// vendored ja model) on the same sentences.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "text/budoux.h"
#include "util/utf8.h"

namespace ks::text {
namespace {

std::u32string u32(const std::string& s) { return utf8_to_u32(s); }

struct Case {
    const char* text;
    std::vector<std::size_t> boundaries;
};

TEST(BudouX, MatchesReferenceParser) {
    const Case cases[] = {
        {"今日は良い天気ですね。", {3, 5}},
        {"私はその人を常に先生と呼んでいた。", {2, 4, 6, 8, 11}},
        {"Amazon Bedrockで生成AIアプリケーションを構築する", {15, 28}},
        {"クラウド移行の現状と課題", {7, 10}},
        {"生成AIを活用した業務効率化の取り組み", {5, 9, 15}},
        {"データ、5000以上の仮想マシン", {4, 11}},
        {"「ニコニコ仮」を迅速に構築できた", {8, 11}},
        {"日本語", {}},
        {"あ", {}},
        {"2025年3月までにAWSへ移行する3年越しのプロジェクトが進行中。", {10, 14, 18, 23, 30}},
        {"サイバー攻撃を受けたことが移行を加速させる要因となったと述べられました。", {7, 10, 13, 16, 21, 24, 28}},
        {"AWS Elemental MediaLiveを活用して「ニコニコ仮」を迅速に構築できた", {24, 28, 36, 39}},
        {"6PBを超えるデータ、5000以上の仮想マシン", {4, 7, 11, 18}},
        {"Aurora DSQLでは99.999%の整合性", {13, 21}},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(budoux_phrase_boundaries(u32(c.text)), c.boundaries) << c.text;
    }
}

TEST(BudouX, EmptyAndPhrases) {
    EXPECT_TRUE(budoux_phrase_boundaries(U"").empty());
    EXPECT_TRUE(budoux_phrases(U"").empty());
    const std::u32string text = u32("今日は良い天気ですね。");
    const auto phrases = budoux_phrases(text);
    ASSERT_EQ(phrases.size(), 3u);
    EXPECT_EQ(phrases[0], std::u32string_view(U"今日は"));
    EXPECT_EQ(phrases[1], std::u32string_view(U"良い"));
    EXPECT_EQ(phrases[2], std::u32string_view(U"天気ですね。"));
}

TEST(BudouX, ThreadSafeLazyModel) {
    std::vector<std::thread> threads;
    std::vector<std::vector<std::size_t>> results(8);
    for (std::size_t t = 0; t < results.size(); ++t)
        threads.emplace_back([&results, t] { results[t] = budoux_phrase_boundaries(U"今日は良い天気ですね。"); });
    for (auto& th : threads) th.join();
    for (const auto& r : results) EXPECT_EQ(r, (std::vector<std::size_t>{3, 5}));
}

TEST(BudouX, FastEnoughForADeck) {
    std::u32string text;
    for (int i = 0; i < 100; ++i) text += u32("サイバー攻撃を受けたことが移行を加速させる要因となったと述べられました。");
    budoux_phrase_boundaries(U"あ");  // load the model
    const auto t0 = std::chrono::steady_clock::now();
    const auto b = budoux_phrase_boundaries(text);
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_GT(b.size(), 700u);
    EXPECT_LT(ms, 100.0);  // ~3700 characters; generous for Debug/ASan builds
}

}  // namespace
}  // namespace ks::text
