// Test fixture for the report page (web/report) and its browser test (web/test/report-test.mjs).
// It follows docs/report.md, but the numbers are illustrative, written by hand for the tests:
// they are NOT computed by entente and are not evidence about any state.
window.ENTENTE_REPORT = {
  "entente_version": "0.1.0",
  "source": "test fixture (illustrative values, not computed by entente)",
  "profile": "default",
  "year": 2012,
  "from": 2004,
  "focus": {"abbrev": "RUS", "name": "Russia"},
  "summary": [
    "In 2012 Russia and China are partners in a stable marriage against the United States.",
    "Russia ranks third among balancers by weighted pivot index, behind China and India.",
    "The system splits into two camps with 5 ties out of place; Russia has been in China's camp since 2007."
  ],
  "sections": [
    {
      "id": "relations",
      "title": "Relations in 2012",
      "text": "Of Russia's 8 partners in this world, 3 are entente partners or closer, 2 are aligned by UN votes and 2 are rivals (the United States and Japan); none is an ally. Across all 36 pairs, 3 are alliances and 8 rivalries; one pair is hostile (North and South Korea).",
      "states": [
        {"abbrev": "USA", "name": "United States of America", "ccode": 2, "iso_numeric": 840, "cinc": 0.1396, "relation_to_focus": "rival"},
        {"abbrev": "CHN", "name": "China", "ccode": 710, "iso_numeric": 156, "cinc": 0.2182, "relation_to_focus": "entente"},
        {"abbrev": "RUS", "name": "Russia", "ccode": 365, "iso_numeric": 643, "cinc": 0.0393, "relation_to_focus": null},
        {"abbrev": "IND", "name": "India", "ccode": 750, "iso_numeric": 356, "cinc": 0.0813, "relation_to_focus": "entente"},
        {"abbrev": "JPN", "name": "Japan", "ccode": 740, "iso_numeric": 392, "cinc": 0.034, "relation_to_focus": "rival"},
        {"abbrev": "ROK", "name": "South Korea", "ccode": 732, "iso_numeric": 410, "cinc": 0.0214, "relation_to_focus": "aligned"},
        {"abbrev": "PRK", "name": "North Korea", "ccode": 731, "iso_numeric": 408, "cinc": 0.0108, "relation_to_focus": "entente"},
        {"abbrev": "DRV", "name": "Vietnam", "ccode": 816, "iso_numeric": 704, "cinc": 0.0103, "relation_to_focus": "aligned"},
        {"abbrev": "KOS", "name": "Kosovo", "ccode": 347, "iso_numeric": null, "cinc": null, "relation_to_focus": "neutral"}
      ],
      "dyads": [
        {"a": "USA", "b": "CHN", "relation": "rival", "weight": -0.6},
        {"a": "USA", "b": "RUS", "relation": "rival", "weight": -0.6},
        {"a": "USA", "b": "IND", "relation": "neutral", "weight": 0},
        {"a": "USA", "b": "JPN", "relation": "alliance", "weight": 0.9},
        {"a": "USA", "b": "ROK", "relation": "alliance", "weight": 0.9},
        {"a": "USA", "b": "PRK", "relation": "rival", "weight": -0.6},
        {"a": "USA", "b": "DRV", "relation": "neutral", "weight": 0},
        {"a": "USA", "b": "KOS", "relation": "aligned", "weight": 0.3},
        {"a": "CHN", "b": "RUS", "relation": "entente", "weight": 0.5},
        {"a": "CHN", "b": "IND", "relation": "rival", "weight": -0.6},
        {"a": "CHN", "b": "JPN", "relation": "rival", "weight": -0.6},
        {"a": "CHN", "b": "ROK", "relation": "neutral", "weight": 0},
        {"a": "CHN", "b": "PRK", "relation": "alliance", "weight": 0.9},
        {"a": "CHN", "b": "DRV", "relation": "rival", "weight": -0.6},
        {"a": "CHN", "b": "KOS", "relation": "neutral", "weight": 0},
        {"a": "RUS", "b": "IND", "relation": "entente", "weight": 0.5},
        {"a": "RUS", "b": "JPN", "relation": "rival", "weight": -0.6},
        {"a": "RUS", "b": "ROK", "relation": "aligned", "weight": 0.3},
        {"a": "RUS", "b": "PRK", "relation": "entente", "weight": 0.5},
        {"a": "RUS", "b": "DRV", "relation": "aligned", "weight": 0.3},
        {"a": "RUS", "b": "KOS", "relation": "neutral", "weight": 0},
        {"a": "IND", "b": "JPN", "relation": "entente", "weight": 0.5},
        {"a": "IND", "b": "ROK", "relation": "neutral", "weight": 0},
        {"a": "IND", "b": "PRK", "relation": "aligned", "weight": 0.3},
        {"a": "IND", "b": "DRV", "relation": "aligned", "weight": 0.3},
        {"a": "IND", "b": "KOS", "relation": "neutral", "weight": 0},
        {"a": "JPN", "b": "ROK", "relation": "neutral", "weight": 0},
        {"a": "JPN", "b": "PRK", "relation": "rival", "weight": -0.6},
        {"a": "JPN", "b": "DRV", "relation": "neutral", "weight": 0},
        {"a": "JPN", "b": "KOS", "relation": "aligned", "weight": 0.3},
        {"a": "ROK", "b": "PRK", "relation": "hostile", "weight": -1},
        {"a": "ROK", "b": "DRV", "relation": "neutral", "weight": 0},
        {"a": "ROK", "b": "KOS", "relation": "neutral", "weight": 0},
        {"a": "PRK", "b": "DRV", "relation": "aligned", "weight": 0.3},
        {"a": "PRK", "b": "KOS", "relation": "neutral", "weight": 0},
        {"a": "DRV", "b": "KOS", "relation": "neutral", "weight": 0}
      ],
      "counts": {"alliance": 3, "entente": 4, "aligned": 7, "neutral": 13, "rival": 8, "hostile": 1},
      "tables": [
        {
          "name": "relations-states",
          "title": "States and their relation to Russia",
          "columns": ["abbrev", "name", "ccode", "iso_numeric", "cinc", "relation_to_focus"],
          "rows": [
            ["USA", "United States of America", 2, 840, 0.1396, "rival"],
            ["CHN", "China", 710, 156, 0.2182, "entente"],
            ["RUS", "Russia", 365, 643, 0.0393, null],
            ["IND", "India", 750, 356, 0.0813, "entente"],
            ["JPN", "Japan", 740, 392, 0.034, "rival"],
            ["ROK", "South Korea", 732, 410, 0.0214, "aligned"],
            ["PRK", "North Korea", 731, 408, 0.0108, "entente"],
            ["DRV", "Vietnam", 816, 704, 0.0103, "aligned"],
            ["KOS", "Kosovo", 347, null, null, "neutral"]
          ]
        },
        {
          "name": "relations-dyads",
          "title": "Every pair of states",
          "columns": ["a", "b", "relation", "weight"],
          "rows": [
            ["USA", "CHN", "rival", -0.6],
            ["USA", "RUS", "rival", -0.6],
            ["USA", "IND", "neutral", 0],
            ["USA", "JPN", "alliance", 0.9],
            ["USA", "ROK", "alliance", 0.9],
            ["USA", "PRK", "rival", -0.6],
            ["USA", "DRV", "neutral", 0],
            ["USA", "KOS", "aligned", 0.3],
            ["CHN", "RUS", "entente", 0.5],
            ["CHN", "IND", "rival", -0.6],
            ["CHN", "JPN", "rival", -0.6],
            ["CHN", "ROK", "neutral", 0],
            ["CHN", "PRK", "alliance", 0.9],
            ["CHN", "DRV", "rival", -0.6],
            ["CHN", "KOS", "neutral", 0],
            ["RUS", "IND", "entente", 0.5],
            ["RUS", "JPN", "rival", -0.6],
            ["RUS", "ROK", "aligned", 0.3],
            ["RUS", "PRK", "entente", 0.5],
            ["RUS", "DRV", "aligned", 0.3],
            ["RUS", "KOS", "neutral", 0],
            ["IND", "JPN", "entente", 0.5],
            ["IND", "ROK", "neutral", 0],
            ["IND", "PRK", "aligned", 0.3],
            ["IND", "DRV", "aligned", 0.3],
            ["IND", "KOS", "neutral", 0],
            ["JPN", "ROK", "neutral", 0],
            ["JPN", "PRK", "rival", -0.6],
            ["JPN", "DRV", "neutral", 0],
            ["JPN", "KOS", "aligned", 0.3],
            ["ROK", "PRK", "hostile", -1],
            ["ROK", "DRV", "neutral", 0],
            ["ROK", "KOS", "neutral", 0],
            ["PRK", "DRV", "aligned", 0.3],
            ["PRK", "KOS", "neutral", 0],
            ["DRV", "KOS", "neutral", 0]
          ]
        }
      ]
    },
    {
      "id": "triangle",
      "title": "The United States, China and Russia",
      "text": "From 2004 to 2006 Russia was the pivot of a romantic triangle, on friendly terms with both the United States and China while they were rivals. Since 2007, when the US–Russia rivalry returned, the triangle is a stable marriage: Russia and China are partners and the United States is the outcast.",
      "actors": ["USA", "CHN", "RUS"],
      "years": [
        {
          "year": 2004,
          "type": "romantic_triangle",
          "roles": {"USA": "wing", "CHN": "wing", "RUS": "pivot"},
          "ties": [
            {"pair": "USA-CHN", "relation": "rival", "weight": -0.6},
            {"pair": "USA-RUS", "relation": "entente", "weight": 0.5},
            {"pair": "CHN-RUS", "relation": "entente", "weight": 0.5}
          ]
        },
        {
          "year": 2005,
          "type": "romantic_triangle",
          "roles": {"USA": "wing", "CHN": "wing", "RUS": "pivot"},
          "ties": [
            {"pair": "USA-CHN", "relation": "rival", "weight": -0.6},
            {"pair": "USA-RUS", "relation": "entente", "weight": 0.5},
            {"pair": "CHN-RUS", "relation": "entente", "weight": 0.5}
          ]
        },
        {
          "year": 2006,
          "type": "romantic_triangle",
          "roles": {"USA": "wing", "CHN": "wing", "RUS": "pivot"},
          "ties": [
            {"pair": "USA-CHN", "relation": "rival", "weight": -0.6},
            {"pair": "USA-RUS", "relation": "entente", "weight": 0.5},
            {"pair": "CHN-RUS", "relation": "entente", "weight": 0.5}
          ]
        },
        {
          "year": 2007,
          "type": "stable_marriage",
          "roles": {"USA": "outcast", "CHN": "partner", "RUS": "partner"},
          "ties": [
            {"pair": "USA-CHN", "relation": "rival", "weight": -0.6},
            {"pair": "USA-RUS", "relation": "rival", "weight": -0.6},
            {"pair": "CHN-RUS", "relation": "entente", "weight": 0.5}
          ]
        },
        {
          "year": 2008,
          "type": "stable_marriage",
          "roles": {"USA": "outcast", "CHN": "partner", "RUS": "partner"},
          "ties": [
            {"pair": "USA-CHN", "relation": "rival", "weight": -0.6},
            {"pair": "USA-RUS", "relation": "rival", "weight": -0.6},
            {"pair": "CHN-RUS", "relation": "entente", "weight": 0.5}
          ]
        },
        {
          "year": 2009,
          "type": "stable_marriage",
          "roles": {"USA": "outcast", "CHN": "partner", "RUS": "partner"},
          "ties": [
            {"pair": "USA-CHN", "relation": "rival", "weight": -0.6},
            {"pair": "USA-RUS", "relation": "rival", "weight": -0.6},
            {"pair": "CHN-RUS", "relation": "entente", "weight": 0.5}
          ]
        },
        {
          "year": 2010,
          "type": "stable_marriage",
          "roles": {"USA": "outcast", "CHN": "partner", "RUS": "partner"},
          "ties": [
            {"pair": "USA-CHN", "relation": "rival", "weight": -0.6},
            {"pair": "USA-RUS", "relation": "rival", "weight": -0.6},
            {"pair": "CHN-RUS", "relation": "entente", "weight": 0.5}
          ]
        },
        {
          "year": 2011,
          "type": "stable_marriage",
          "roles": {"USA": "outcast", "CHN": "partner", "RUS": "partner"},
          "ties": [
            {"pair": "USA-CHN", "relation": "rival", "weight": -0.6},
            {"pair": "USA-RUS", "relation": "rival", "weight": -0.6},
            {"pair": "CHN-RUS", "relation": "entente", "weight": 0.5}
          ]
        },
        {
          "year": 2012,
          "type": "stable_marriage",
          "roles": {"USA": "outcast", "CHN": "partner", "RUS": "partner"},
          "ties": [
            {"pair": "USA-CHN", "relation": "rival", "weight": -0.6},
            {"pair": "USA-RUS", "relation": "rival", "weight": -0.6},
            {"pair": "CHN-RUS", "relation": "entente", "weight": 0.5}
          ]
        }
      ],
      "tables": [
        {
          "name": "triangle-years",
          "title": "Type, roles and ties by year",
          "columns": ["year", "type", "role_USA", "role_CHN", "role_RUS", "USA-CHN", "USA-RUS", "CHN-RUS"],
          "rows": [
            [2004, "romantic_triangle", "wing", "wing", "pivot", -0.6, 0.5, 0.5],
            [2005, "romantic_triangle", "wing", "wing", "pivot", -0.6, 0.5, 0.5],
            [2006, "romantic_triangle", "wing", "wing", "pivot", -0.6, 0.5, 0.5],
            [2007, "stable_marriage", "outcast", "partner", "partner", -0.6, -0.6, 0.5],
            [2008, "stable_marriage", "outcast", "partner", "partner", -0.6, -0.6, 0.5],
            [2009, "stable_marriage", "outcast", "partner", "partner", -0.6, -0.6, 0.5],
            [2010, "stable_marriage", "outcast", "partner", "partner", -0.6, -0.6, 0.5],
            [2011, "stable_marriage", "outcast", "partner", "partner", -0.6, -0.6, 0.5],
            [2012, "stable_marriage", "outcast", "partner", "partner", -0.6, -0.6, 0.5]
          ]
        }
      ]
    },
    {
      "id": "balancers",
      "title": "Balancers in 2012",
      "text": "China, India and Russia hold the most weighted pivot positions. Russia ranks third: it is friendly with 6 pairs of states that are at odds with each other, and 88% of its friendly ties are not alliances.",
      "focus": "RUS",
      "rows": [
        {"rank": 1, "abbrev": "CHN", "name": "China", "weighted_pivot": 0.000412, "pivot": 9, "flexibility": 0.78, "cinc": 0.2182},
        {"rank": 2, "abbrev": "IND", "name": "India", "weighted_pivot": 0.000265, "pivot": 7, "flexibility": 0.86, "cinc": 0.0813},
        {"rank": 3, "abbrev": "RUS", "name": "Russia", "weighted_pivot": 0.000194, "pivot": 6, "flexibility": 0.88, "cinc": 0.0393},
        {"rank": 4, "abbrev": "DRV", "name": "Vietnam", "weighted_pivot": 0.000031, "pivot": 4, "flexibility": 1, "cinc": 0.0103},
        {"rank": 5, "abbrev": "ROK", "name": "South Korea", "weighted_pivot": 0.000022, "pivot": 2, "flexibility": 0.67, "cinc": 0.0214},
        {"rank": 6, "abbrev": "USA", "name": "United States of America", "weighted_pivot": 0.000018, "pivot": 2, "flexibility": 0.5, "cinc": 0.1396},
        {"rank": 7, "abbrev": "JPN", "name": "Japan", "weighted_pivot": 0.000006, "pivot": 1, "flexibility": 0.67, "cinc": 0.034},
        {"rank": 8, "abbrev": "PRK", "name": "North Korea", "weighted_pivot": 0, "pivot": 0, "flexibility": 0.75, "cinc": 0.0108},
        {"rank": 9, "abbrev": "KOS", "name": "Kosovo", "weighted_pivot": 0, "pivot": 0, "flexibility": null, "cinc": null}
      ],
      "tables": [
        {
          "name": "balancers",
          "title": "Ranking by weighted pivot index",
          "columns": ["rank", "abbrev", "name", "weighted_pivot", "pivot", "flexibility", "cinc"],
          "rows": [
            [1, "CHN", "China", 0.000412, 9, 0.78, 0.2182],
            [2, "IND", "India", 0.000265, 7, 0.86, 0.0813],
            [3, "RUS", "Russia", 0.000194, 6, 0.88, 0.0393],
            [4, "DRV", "Vietnam", 0.000031, 4, 1, 0.0103],
            [5, "ROK", "South Korea", 0.000022, 2, 0.67, 0.0214],
            [6, "USA", "United States of America", 0.000018, 2, 0.5, 0.1396],
            [7, "JPN", "Japan", 0.000006, 1, 0.67, 0.034],
            [8, "PRK", "North Korea", 0, 0, 0.75, 0.0108],
            [9, "KOS", "Kosovo", 0, 0, null, null]
          ]
        }
      ]
    },
    {
      "id": "blocs",
      "title": "Blocs, 2004–2012",
      "text": "The system splits into two camps every year, with 4 to 6 ties out of place. Russia moved from the United States' camp to China's in 2007; India moved the other way in 2010.",
      "years": [
        {"year": 2004, "frustration": 4, "lower_bound": 4, "optimal": true, "edges": 22, "negative_edges": 10, "normalised": 0.6364},
        {"year": 2005, "frustration": 4, "lower_bound": 4, "optimal": true, "edges": 22, "negative_edges": 10, "normalised": 0.6364},
        {"year": 2006, "frustration": 4, "lower_bound": 4, "optimal": true, "edges": 22, "negative_edges": 10, "normalised": 0.6364},
        {"year": 2007, "frustration": 5, "lower_bound": 5, "optimal": true, "edges": 22, "negative_edges": 11, "normalised": 0.5455},
        {"year": 2008, "frustration": 5, "lower_bound": 5, "optimal": true, "edges": 24, "negative_edges": 11, "normalised": 0.5833},
        {"year": 2009, "frustration": 5, "lower_bound": 5, "optimal": true, "edges": 24, "negative_edges": 11, "normalised": 0.5833},
        {"year": 2010, "frustration": 6, "lower_bound": 6, "optimal": true, "edges": 24, "negative_edges": 12, "normalised": 0.5},
        {"year": 2011, "frustration": 5, "lower_bound": 5, "optimal": true, "edges": 24, "negative_edges": 11, "normalised": 0.5833},
        {"year": 2012, "frustration": 5, "lower_bound": 5, "optimal": true, "edges": 24, "negative_edges": 11, "normalised": 0.5833}
      ],
      "membership": [
        {"year": 2004, "node": "USA", "bloc": 1},
        {"year": 2004, "node": "CHN", "bloc": 2},
        {"year": 2004, "node": "RUS", "bloc": 1},
        {"year": 2004, "node": "IND", "bloc": 2},
        {"year": 2004, "node": "JPN", "bloc": 1},
        {"year": 2004, "node": "ROK", "bloc": 1},
        {"year": 2004, "node": "PRK", "bloc": 2},
        {"year": 2004, "node": "DRV", "bloc": 2},
        {"year": 2005, "node": "USA", "bloc": 1},
        {"year": 2005, "node": "CHN", "bloc": 2},
        {"year": 2005, "node": "RUS", "bloc": 1},
        {"year": 2005, "node": "IND", "bloc": 2},
        {"year": 2005, "node": "JPN", "bloc": 1},
        {"year": 2005, "node": "ROK", "bloc": 1},
        {"year": 2005, "node": "PRK", "bloc": 2},
        {"year": 2005, "node": "DRV", "bloc": 2},
        {"year": 2006, "node": "USA", "bloc": 1},
        {"year": 2006, "node": "CHN", "bloc": 2},
        {"year": 2006, "node": "RUS", "bloc": 1},
        {"year": 2006, "node": "IND", "bloc": 2},
        {"year": 2006, "node": "JPN", "bloc": 1},
        {"year": 2006, "node": "ROK", "bloc": 1},
        {"year": 2006, "node": "PRK", "bloc": 2},
        {"year": 2006, "node": "DRV", "bloc": 2},
        {"year": 2007, "node": "USA", "bloc": 1},
        {"year": 2007, "node": "CHN", "bloc": 2},
        {"year": 2007, "node": "RUS", "bloc": 2},
        {"year": 2007, "node": "IND", "bloc": 2},
        {"year": 2007, "node": "JPN", "bloc": 1},
        {"year": 2007, "node": "ROK", "bloc": 1},
        {"year": 2007, "node": "PRK", "bloc": 2},
        {"year": 2007, "node": "DRV", "bloc": 2},
        {"year": 2008, "node": "USA", "bloc": 1},
        {"year": 2008, "node": "CHN", "bloc": 2},
        {"year": 2008, "node": "RUS", "bloc": 2},
        {"year": 2008, "node": "IND", "bloc": 2},
        {"year": 2008, "node": "JPN", "bloc": 1},
        {"year": 2008, "node": "ROK", "bloc": 1},
        {"year": 2008, "node": "PRK", "bloc": 2},
        {"year": 2008, "node": "DRV", "bloc": 2},
        {"year": 2008, "node": "KOS", "bloc": null},
        {"year": 2009, "node": "USA", "bloc": 1},
        {"year": 2009, "node": "CHN", "bloc": 2},
        {"year": 2009, "node": "RUS", "bloc": 2},
        {"year": 2009, "node": "IND", "bloc": 2},
        {"year": 2009, "node": "JPN", "bloc": 1},
        {"year": 2009, "node": "ROK", "bloc": 1},
        {"year": 2009, "node": "PRK", "bloc": 2},
        {"year": 2009, "node": "DRV", "bloc": 2},
        {"year": 2009, "node": "KOS", "bloc": null},
        {"year": 2010, "node": "USA", "bloc": 1},
        {"year": 2010, "node": "CHN", "bloc": 2},
        {"year": 2010, "node": "RUS", "bloc": 2},
        {"year": 2010, "node": "IND", "bloc": 1},
        {"year": 2010, "node": "JPN", "bloc": 1},
        {"year": 2010, "node": "ROK", "bloc": 1},
        {"year": 2010, "node": "PRK", "bloc": 2},
        {"year": 2010, "node": "DRV", "bloc": 2},
        {"year": 2010, "node": "KOS", "bloc": null},
        {"year": 2011, "node": "USA", "bloc": 1},
        {"year": 2011, "node": "CHN", "bloc": 2},
        {"year": 2011, "node": "RUS", "bloc": 2},
        {"year": 2011, "node": "IND", "bloc": 1},
        {"year": 2011, "node": "JPN", "bloc": 1},
        {"year": 2011, "node": "ROK", "bloc": 1},
        {"year": 2011, "node": "PRK", "bloc": 2},
        {"year": 2011, "node": "DRV", "bloc": 2},
        {"year": 2011, "node": "KOS", "bloc": null},
        {"year": 2012, "node": "USA", "bloc": 1},
        {"year": 2012, "node": "CHN", "bloc": 2},
        {"year": 2012, "node": "RUS", "bloc": 2},
        {"year": 2012, "node": "IND", "bloc": 1},
        {"year": 2012, "node": "JPN", "bloc": 1},
        {"year": 2012, "node": "ROK", "bloc": 1},
        {"year": 2012, "node": "PRK", "bloc": 2},
        {"year": 2012, "node": "DRV", "bloc": 2},
        {"year": 2012, "node": "KOS", "bloc": null}
      ],
      "switches": [{"year": 2007, "node": "RUS", "from": 1, "to": 2}, {"year": 2010, "node": "IND", "from": 2, "to": 1}],
      "tables": [
        {
          "name": "blocs-years",
          "title": "Frustration by year",
          "columns": ["year", "frustration", "lower_bound", "optimal", "edges", "negative_edges", "normalised"],
          "rows": [
            [2004, 4, 4, true, 22, 10, 0.6364],
            [2005, 4, 4, true, 22, 10, 0.6364],
            [2006, 4, 4, true, 22, 10, 0.6364],
            [2007, 5, 5, true, 22, 11, 0.5455],
            [2008, 5, 5, true, 24, 11, 0.5833],
            [2009, 5, 5, true, 24, 11, 0.5833],
            [2010, 6, 6, true, 24, 12, 0.5],
            [2011, 5, 5, true, 24, 11, 0.5833],
            [2012, 5, 5, true, 24, 11, 0.5833]
          ]
        },
        {
          "name": "blocs-membership",
          "title": "Bloc of each state by year",
          "columns": ["year", "node", "bloc"],
          "rows": [
            [2004, "USA", 1],
            [2004, "CHN", 2],
            [2004, "RUS", 1],
            [2004, "IND", 2],
            [2004, "JPN", 1],
            [2004, "ROK", 1],
            [2004, "PRK", 2],
            [2004, "DRV", 2],
            [2005, "USA", 1],
            [2005, "CHN", 2],
            [2005, "RUS", 1],
            [2005, "IND", 2],
            [2005, "JPN", 1],
            [2005, "ROK", 1],
            [2005, "PRK", 2],
            [2005, "DRV", 2],
            [2006, "USA", 1],
            [2006, "CHN", 2],
            [2006, "RUS", 1],
            [2006, "IND", 2],
            [2006, "JPN", 1],
            [2006, "ROK", 1],
            [2006, "PRK", 2],
            [2006, "DRV", 2],
            [2007, "USA", 1],
            [2007, "CHN", 2],
            [2007, "RUS", 2],
            [2007, "IND", 2],
            [2007, "JPN", 1],
            [2007, "ROK", 1],
            [2007, "PRK", 2],
            [2007, "DRV", 2],
            [2008, "USA", 1],
            [2008, "CHN", 2],
            [2008, "RUS", 2],
            [2008, "IND", 2],
            [2008, "JPN", 1],
            [2008, "ROK", 1],
            [2008, "PRK", 2],
            [2008, "DRV", 2],
            [2008, "KOS", null],
            [2009, "USA", 1],
            [2009, "CHN", 2],
            [2009, "RUS", 2],
            [2009, "IND", 2],
            [2009, "JPN", 1],
            [2009, "ROK", 1],
            [2009, "PRK", 2],
            [2009, "DRV", 2],
            [2009, "KOS", null],
            [2010, "USA", 1],
            [2010, "CHN", 2],
            [2010, "RUS", 2],
            [2010, "IND", 1],
            [2010, "JPN", 1],
            [2010, "ROK", 1],
            [2010, "PRK", 2],
            [2010, "DRV", 2],
            [2010, "KOS", null],
            [2011, "USA", 1],
            [2011, "CHN", 2],
            [2011, "RUS", 2],
            [2011, "IND", 1],
            [2011, "JPN", 1],
            [2011, "ROK", 1],
            [2011, "PRK", 2],
            [2011, "DRV", 2],
            [2011, "KOS", null],
            [2012, "USA", 1],
            [2012, "CHN", 2],
            [2012, "RUS", 2],
            [2012, "IND", 1],
            [2012, "JPN", 1],
            [2012, "ROK", 1],
            [2012, "PRK", 2],
            [2012, "DRV", 2],
            [2012, "KOS", null]
          ]
        },
        {
          "name": "blocs-switches",
          "title": "Who switched sides",
          "columns": ["year", "node", "from", "to"],
          "rows": [[2007, "RUS", 1, 2], [2010, "IND", 2, 1]]
        }
      ]
    },
    {
      "id": "landscape",
      "title": "Landscape of alignments",
      "text": "Three stable configurations. The deepest, with 61% of starting points, sets China and Russia against the other four; in the second India joins them (30%).",
      "actors": [
        {"abbrev": "USA", "name": "United States of America", "size": 0.1396},
        {"abbrev": "CHN", "name": "China", "size": 0.2182},
        {"abbrev": "RUS", "name": "Russia", "size": 0.0393},
        {"abbrev": "IND", "name": "India", "size": 0.0813},
        {"abbrev": "JPN", "name": "Japan", "size": 0.034},
        {"abbrev": "ROK", "name": "South Korea", "size": 0.0214}
      ],
      "minima": [
        {"rank": 1, "energy": -0.0412, "basin_share": 0.609, "sides": {"USA": 0, "CHN": 1, "RUS": 1, "IND": 0, "JPN": 0, "ROK": 0}},
        {"rank": 2, "energy": -0.0358, "basin_share": 0.297, "sides": {"USA": 0, "CHN": 1, "RUS": 1, "IND": 1, "JPN": 0, "ROK": 0}},
        {"rank": 3, "energy": -0.0213, "basin_share": 0.094, "sides": {"USA": 0, "CHN": 1, "RUS": 0, "IND": 0, "JPN": 0, "ROK": 0}}
      ],
      "tables": [
        {
          "name": "landscape-actors",
          "title": "Actors and their size",
          "columns": ["abbrev", "name", "size"],
          "rows": [
            ["USA", "United States of America", 0.1396],
            ["CHN", "China", 0.2182],
            ["RUS", "Russia", 0.0393],
            ["IND", "India", 0.0813],
            ["JPN", "Japan", 0.034],
            ["ROK", "South Korea", 0.0214]
          ]
        },
        {
          "name": "landscape-minima",
          "title": "Local minima and the side of each actor",
          "columns": ["rank", "energy", "basin_share", "USA", "CHN", "RUS", "IND", "JPN", "ROK"],
          "rows": [[1, -0.0412, 0.609, 0, 1, 1, 0, 0, 0], [2, -0.0358, 0.297, 0, 1, 1, 1, 0, 0], [3, -0.0213, 0.094, 0, 1, 0, 0, 0, 0]]
        }
      ]
    },
    {
      "id": "scenario",
      "title": "Scenario: a US–Russia reset",
      "text": "A US–Russia entente in 2012 would make Russia the pivot between Washington and Beijing again and raise its balancer index by 74%, at the cost of a less balanced system.",
      "name": "us-russia-reset",
      "question": "What if the United States and Russia had kept the ententes of 2004–2006 in 2012?",
      "shocks": ["USA–RUS set to entente (weight 0.5) in 2012"],
      "triangles": [
        {"triangle": "RUS-CHN-USA", "before": {"type": "stable_marriage", "role": "partner"}, "after": {"type": "romantic_triangle", "role": "pivot"}},
        {"triangle": "RUS-CHN-IND", "before": {"type": "romantic_triangle", "role": "pivot"}, "after": {"type": "romantic_triangle", "role": "pivot"}},
        {"triangle": "RUS-USA-JPN", "before": {"type": "stable_marriage", "role": "outcast"}, "after": {"type": "romantic_triangle", "role": "wing"}}
      ],
      "measures": [
        {"measure": "frustration index", "before": 5, "after": 6},
        {"measure": "triangle balance", "before": 0.7143, "after": 0.6429},
        {"measure": "walk balance", "before": 0.4187, "after": 0.3862},
        {"measure": "Russia: weighted pivot index", "before": 0.000194, "after": 0.000337},
        {"measure": "Russia: balancer rank", "before": 3, "after": 2},
        {"measure": "states in Russia's bloc", "before": 4, "after": 4}
      ],
      "changes": [
        "Russia becomes the pivot of the US–China–Russia triangle (it was China's partner against the United States).",
        "Russia's weighted pivot index rises from 0.000194 to 0.000337; it moves from third to second among balancers.",
        "The system is one frustrated edge further from two clean camps (frustration 5 → 6)."
      ],
      "tables": [
        {
          "name": "scenario-measures",
          "title": "Measures before and after",
          "columns": ["measure", "before", "after"],
          "rows": [
            ["frustration index", 5, 6],
            ["triangle balance", 0.7143, 0.6429],
            ["walk balance", 0.4187, 0.3862],
            ["Russia: weighted pivot index", 0.000194, 0.000337],
            ["Russia: balancer rank", 3, 2],
            ["states in Russia's bloc", 4, 4]
          ]
        },
        {
          "name": "scenario-triangles",
          "title": "Russia's triangles before and after",
          "columns": ["triangle", "type_before", "role_before", "type_after", "role_after"],
          "rows": [
            ["RUS-CHN-USA", "stable_marriage", "partner", "romantic_triangle", "pivot"],
            ["RUS-CHN-IND", "romantic_triangle", "pivot", "romantic_triangle", "pivot"],
            ["RUS-USA-JPN", "stable_marriage", "outcast", "romantic_triangle", "wing"]
          ]
        }
      ]
    }
  ]
};
