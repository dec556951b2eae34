// Page content outside the structure marked as /Artifact, by scanning the
// content stream (export/tagging/content_artifacts.h). The slides PDF of
// every fixture deck came out byte for byte as with the libqpdf token
// filter this replaced; these cases pin the rules down.
#include <gtest/gtest.h>

#include <string>

#include "export/tagging/content_artifacts.h"

using ks::mark_content_artifacts;

TEST(ContentArtifacts, WrapsWhatLiesOutsideTheStructure) {
    EXPECT_EQ(mark_content_artifacts("q 0 0 10 10 re f Q\n/P << /MCID 0 >> BDC BT (a) Tj ET EMC\n0 g\n"),
              "/Artifact BMC\nq 0 0 10 10 re f Q\nEMC\n\n/P << /MCID 0 >> BDC BT (a) Tj ET EMC"
              "/Artifact BMC\n\n0 g\n\nEMC\n");
}

TEST(ContentArtifacts, StructureOnlyIsLeftAlone) {
    const std::string s = "/P << /MCID 7 >> BDC BT (a) Tj ET EMC /H1 <</MCID 8>> BDC EMC";
    EXPECT_EQ(mark_content_artifacts(s), s);
    EXPECT_EQ(mark_content_artifacts(""), "");
}

// Cairo's /ActualText span inside a structure sequence names that
// sequence's MCID (poppler would otherwise end the sequence at its EMC).
TEST(ContentArtifacts, SpansInsideStructureGetItsMcid) {
    EXPECT_EQ(mark_content_artifacts("/P << /MCID 3 >> BDC /Span << /ActualText (x) >> BDC BT (y) Tj ET EMC EMC"),
              "/P << /MCID 3 >> BDC /Span << /ActualText (x) /MCID 3>> BDC BT (y) Tj ET EMC EMC");
    // Outside any structure a span is content like any other: an artifact.
    EXPECT_EQ(mark_content_artifacts("/Span << /ActualText (x) >> BDC EMC"),
              "/Artifact BMC\n/Span << /ActualText (x) >> BDC EMC\nEMC\n");
}

// Operator names inside strings, comments and inline image data are data.
TEST(ContentArtifacts, StringsCommentsAndImagesAreNotOperators) {
    EXPECT_EQ(mark_content_artifacts("BT (a BDC \\) (EMC)) Tj <4243> Tj % /MCID 1 BDC\nET"),
              "/Artifact BMC\nBT (a BDC \\) (EMC)) Tj <4243> Tj % /MCID 1 BDC\nET\nEMC\n");
    EXPECT_EQ(mark_content_artifacts("BI /W 1 /H 1 ID \n/X << /MCID 5 >> BDC\n EI Q"),
              "/Artifact BMC\nBI /W 1 /H 1 ID \n/X << /MCID 5 >> BDC\n EI Q\nEMC\n");
    // true, false and null are operands; a real is not an MCID.
    EXPECT_EQ(mark_content_artifacts("/P << /X true /MCID 2.5 >> BDC EMC"),
              "/Artifact BMC\n/P << /X true /MCID 2.5 >> BDC EMC\nEMC\n");
}
