//! `klaster-publish world-map`: the member map's country outlines, converted from the
//! `world-atlas` npm package's TopoJSON (Natural Earth, public domain) into the package's
//! compact `world-map.json`.
//!
//! TopoJSON stores each border once, as an *arc*; a polygon is a list of rings, each a
//! list of arc indices, where a negative index `!i` (that is, `-i - 1`) walks arc `i`
//! backwards. A quantized file stores arc points as integers, each a delta from the
//! previous one, and its `transform` maps them back to degrees. The conversion:
//! 1. decodes the arcs to longitude and latitude;
//! 2. rounds each arc to a grid of 1/[`UNITS_PER_DEGREE`] degree, drops repeated points
//!    and simplifies it (Douglas–Peucker within [`TOLERANCE`] grid units), keeping its
//!    ends, so the countries on either side of a border still share it exactly;
//! 3. joins each country's arcs into rings, and drops points on a straight line and
//!    rings that collapsed on the grid;
//! 4. cuts a ring that crosses the 180° meridian (Fiji, the east tip of Russia) into one
//!    ring on each side, so the map can be drawn flat. A ring around a pole (Antarctica)
//!    crosses it once and is already flat: it closes along its southern edge.
//!
//! The coordinates stay longitude and latitude (`equirectangular`); the chart projects.

use klaster_core::resources::{MapCountry, MapProjection, WorldMap};
use klaster_core::text::Text;
use klaster_core::validate::parse_json;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Grid units per degree: coordinates are tenths of a degree, about 11 km at the
/// equator, finer than the 1:110m source.
pub const UNITS_PER_DEGREE: u16 = 10;

/// How far, in grid units, simplification may move a border.
pub const TOLERANCE: f64 = 1.0;

/// The file the package holds.
pub const FILE_NAME: &str = "world-map.json";

const SOURCE_URL: &str = "https://www.naturalearthdata.com/";

fn attribution() -> Text {
    Text::new(
        "Ölkə sərhədləri: Natural Earth (ictimai mülkiyyət), world-atlas paketi vasitəsilə \
         (ISC lisenziyası, © Mike Bostock), portal üçün sadələşdirilib. Sərhədlər Natural \
         Earth-in çəkdiyi kimidir və heç bir ərazi mübahisəsində mövqe bildirmir.",
        "Country outlines: Natural Earth (public domain), via the world-atlas package \
         (ISC licence, © Mike Bostock), simplified for this portal. Borders are drawn as \
         Natural Earth draws them and take no side in any territorial dispute.",
    )
}

#[derive(Deserialize)]
struct Topology {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    transform: Option<Transform>,
    arcs: Vec<Vec<Vec<f64>>>,
    objects: BTreeMap<String, Geometry>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
#[serde(untagged)]
enum GeometryId {
    Text(String),
    Number(u64),
}

#[derive(Deserialize, Default)]
struct Properties {
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    #[serde(rename = "GeometryCollection")]
    Collection { geometries: Vec<Geometry> },
    Polygon {
        arcs: Vec<Vec<i64>>,
        #[serde(default)]
        id: Option<GeometryId>,
        #[serde(default)]
        properties: Option<Properties>,
    },
    MultiPolygon {
        arcs: Vec<Vec<Vec<i64>>>,
        #[serde(default)]
        id: Option<GeometryId>,
        #[serde(default)]
        properties: Option<Properties>,
    },
    /// Points and lines have no area to shade.
    #[serde(other)]
    Other,
}

type Grid = [i32; 2];

/// Every arc of the topology in degrees, `(longitude, latitude)`.
fn decode_arcs(topology: &Topology) -> Result<Vec<Vec<(f64, f64)>>, String> {
    topology
        .arcs
        .iter()
        .enumerate()
        .map(|(a, arc)| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.iter()
                .enumerate()
                .map(|(p, position)| {
                    let [dx, dy, ..] = position.as_slice() else {
                        return Err(format!("arc {a}, point {p}: a position needs two numbers"));
                    };
                    Ok(match &topology.transform {
                        Some(t) => {
                            x += dx;
                            y += dy;
                            (
                                x * t.scale[0] + t.translate[0],
                                y * t.scale[1] + t.translate[1],
                            )
                        }
                        None => (*dx, *dy),
                    })
                })
                .collect()
        })
        .collect()
}

/// A point on the grid, kept on the globe.
fn to_grid((lon, lat): (f64, f64)) -> Grid {
    let unit = f64::from(UNITS_PER_DEGREE);
    [
        (lon * unit).round().clamp(-180.0 * unit, 180.0 * unit) as i32,
        (lat * unit).round().clamp(-90.0 * unit, 90.0 * unit) as i32,
    ]
}

/// Distance from `p` to the segment `a`–`b` (to `a` when the segment is a point).
fn distance_to_segment(p: Grid, a: Grid, b: Grid) -> f64 {
    let (px, py) = (f64::from(p[0]), f64::from(p[1]));
    let (ax, ay) = (f64::from(a[0]), f64::from(a[1]));
    let (bx, by) = (f64::from(b[0]), f64::from(b[1]));
    let (dx, dy) = (bx - ax, by - ay);
    let length_squared = dx * dx + dy * dy;
    if length_squared == 0.0 {
        return (px - ax).hypot(py - ay);
    }
    let t = (((px - ax) * dx + (py - ay) * dy) / length_squared).clamp(0.0, 1.0);
    (px - (ax + t * dx)).hypot(py - (ay + t * dy))
}

/// Douglas–Peucker: the fewest points of `line`, ends kept, that stay within
/// `tolerance` of it.
fn simplify(line: &[Grid], tolerance: f64) -> Vec<Grid> {
    if line.len() < 3 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    let mut spans = vec![(0, line.len() - 1)];
    while let Some((first, last)) = spans.pop() {
        let farthest = (first + 1..last)
            .map(|i| (i, distance_to_segment(line[i], line[first], line[last])))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, distance)) = farthest {
            if distance > tolerance {
                keep[i] = true;
                spans.push((first, i));
                spans.push((i, last));
            }
        }
    }
    line.iter()
        .zip(keep)
        .filter(|(_, kept)| *kept)
        .map(|(p, _)| *p)
        .collect()
}

/// An arc on the grid: rounded, without repeated points, simplified.
fn grid_arc(arc: &[(f64, f64)]) -> Vec<Grid> {
    let mut points: Vec<Grid> = Vec::with_capacity(arc.len());
    for point in arc.iter().map(|p| to_grid(*p)) {
        if points.last() != Some(&point) {
            points.push(point);
        }
    }
    simplify(&points, TOLERANCE)
}

/// Twice the signed area of the triangle `a`, `b`, `c`; zero when they are on a line.
fn cross(a: Grid, b: Grid, c: Grid) -> i64 {
    let (abx, aby) = (i64::from(b[0] - a[0]), i64::from(b[1] - a[1]));
    let (acx, acy) = (i64::from(c[0] - a[0]), i64::from(c[1] - a[1]));
    abx * acy - aby * acx
}

/// The ring without repeated points and without points on the line between their
/// neighbours (which also removes spikes that go out and come straight back). Neither
/// changes the shape, so a border shared by two rings still matches.
fn drop_straight_points(ring: &[Grid]) -> Vec<Grid> {
    let mut out: Vec<Grid> = Vec::with_capacity(ring.len());
    for &point in ring {
        while out.len() >= 2 && cross(out[out.len() - 2], out[out.len() - 1], point) == 0 {
            out.pop();
        }
        if out.last() != Some(&point) {
            out.push(point);
        }
    }
    // Where the ring closes, its last point meets its first.
    loop {
        let n = out.len();
        if n < 3 {
            break;
        }
        if out[n - 1] == out[0] || cross(out[n - 2], out[n - 1], out[0]) == 0 {
            out.pop();
        } else if cross(out[n - 1], out[0], out[1]) == 0 {
            out.remove(0);
        } else {
            break;
        }
    }
    out
}

/// Whether the segment `a`–`b` is shorter the other way round the globe, across the
/// 180° meridian.
fn crosses_antimeridian(a: Grid, b: Grid) -> bool {
    i64::from(b[0] - a[0]).abs() > 180 * i64::from(UNITS_PER_DEGREE)
}

/// Where the segment `a`–`b`, which crosses the 180° meridian, meets it: the point on
/// `a`'s side and the point on `b`'s side.
fn antimeridian_crossing(a: Grid, b: Grid) -> (Grid, Grid) {
    let edge = 180 * i32::from(UNITS_PER_DEGREE);
    let side = if a[0] > 0 { 1 } else { -1 };
    // `b` moved next to `a`, round the globe.
    let bx = f64::from(b[0]) + f64::from(side * 2 * edge);
    let t = if bx == f64::from(a[0]) {
        0.0
    } else {
        (f64::from(side * edge) - f64::from(a[0])) / (bx - f64::from(a[0]))
    };
    let lat = (f64::from(a[1]) + t * f64::from(b[1] - a[1])).round() as i32;
    ([side * edge, lat], [-side * edge, lat])
}

/// The ring cut at the 180° meridian into pieces that each stay on one side, each closed
/// along the meridian. A ring that crosses it an odd number of times goes round a pole
/// and is returned whole.
fn cut_at_antimeridian(ring: Vec<Grid>) -> Vec<Vec<Grid>> {
    let n = ring.len();
    let crossings: Vec<usize> = (0..n)
        .filter(|&i| crosses_antimeridian(ring[i], ring[(i + 1) % n]))
        .collect();
    if crossings.is_empty() || crossings.len() % 2 == 1 {
        return vec![ring];
    }
    // Start right after a crossing, so every piece runs from one crossing to the next;
    // the last segment walked is that first crossing, which closes the last piece.
    let start = (crossings[0] + 1) % n;
    let (_, first) = antimeridian_crossing(ring[crossings[0]], ring[start]);
    let mut pieces: Vec<Vec<Grid>> = Vec::new();
    let mut piece: Vec<Grid> = vec![first];
    for k in 0..n {
        let (a, b) = (ring[(start + k) % n], ring[(start + k + 1) % n]);
        if piece.last() != Some(&a) {
            piece.push(a);
        }
        if crosses_antimeridian(a, b) {
            let (here, there) = antimeridian_crossing(a, b);
            if piece.last() != Some(&here) {
                piece.push(here);
            }
            pieces.push(std::mem::replace(&mut piece, vec![there]));
        }
    }
    pieces
        .iter()
        .map(|p| drop_straight_points(p))
        .filter(|p| p.len() >= 3)
        .collect()
}

/// The ring that `indices` walk, open (its first point is not repeated at the end), or
/// `None` when it collapsed on the grid.
fn ring(indices: &[i64], arcs: &[Vec<Grid>]) -> Result<Option<Vec<Grid>>, String> {
    let mut points: Vec<Grid> = Vec::new();
    for &index in indices {
        let (arc, reversed) = if index >= 0 {
            (index, false)
        } else {
            (!index, true)
        };
        let arc = usize::try_from(arc)
            .ok()
            .and_then(|a| arcs.get(a))
            .ok_or_else(|| format!("arc index {index} does not exist"))?;
        let mut part = arc.clone();
        if reversed {
            part.reverse();
        }
        for point in part {
            if points.last() != Some(&point) {
                points.push(point);
            }
        }
    }
    let points = drop_straight_points(&points);
    Ok((points.len() >= 3).then_some(points))
}

/// A TopoJSON id as an ISO 3166-1 numeric code; an id that is not one (Natural Earth's
/// `-99`, say) gives `None`.
fn iso_numeric(id: &GeometryId) -> Option<String> {
    let digits = match id {
        GeometryId::Text(text) => text.clone(),
        GeometryId::Number(number) => number.to_string(),
    };
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("{digits:0>3}"))
}

/// What the conversion made, and what it had to leave out.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    pub map: WorldMap,
    /// Names (or ids) of countries whose every ring collapsed on the grid.
    pub dropped: Vec<String>,
}

/// Converts the TopoJSON text in `bytes`: every polygon and multipolygon of its
/// `countries` object becomes a country of the map. `source` names the input.
pub fn convert(bytes: &[u8], source: &str) -> Result<Conversion, String> {
    let topology: Topology =
        serde_json::from_slice(bytes).map_err(|e| format!("not TopoJSON: {e}"))?;
    if topology.kind != "Topology" {
        return Err(format!(
            "the file's type is '{}', expected 'Topology'",
            topology.kind
        ));
    }
    let arcs: Vec<Vec<Grid>> = decode_arcs(&topology)?
        .iter()
        .map(|arc| grid_arc(arc))
        .collect();
    let Some(Geometry::Collection { geometries }) = topology.objects.get("countries") else {
        return Err("the topology has no 'countries' geometry collection".into());
    };
    let mut countries: Vec<MapCountry> = Vec::new();
    let mut dropped = Vec::new();
    for (index, geometry) in geometries.iter().enumerate() {
        let (polygons, id, properties) = match geometry {
            Geometry::Polygon {
                arcs,
                id,
                properties,
            } => (vec![arcs.clone()], id, properties),
            Geometry::MultiPolygon {
                arcs,
                id,
                properties,
            } => (arcs.clone(), id, properties),
            _ => continue,
        };
        let name = properties.as_ref().and_then(|p| p.name.clone());
        let code = id.as_ref().and_then(iso_numeric);
        let (mut rings, mut holes) = (Vec::new(), Vec::new());
        for polygon in &polygons {
            let Some((outer, inner)) = polygon.split_first() else {
                continue;
            };
            let at = |e: String| format!("countries[{index}]: {e}");
            // A hole is kept only while the ring around it is.
            if let Some(outer) = ring(outer, &arcs).map_err(at)? {
                rings.extend(cut_at_antimeridian(outer));
                for hole in inner {
                    if let Some(hole) = ring(hole, &arcs).map_err(at)? {
                        holes.extend(cut_at_antimeridian(hole));
                    }
                }
            }
        }
        if rings.is_empty() {
            dropped.push(
                name.or(code)
                    .unwrap_or_else(|| format!("countries[{index}]")),
            );
            continue;
        }
        // Natural Earth may split one country over several features; the map has one.
        match countries
            .iter_mut()
            .find(|c| code.is_some() && c.iso_numeric == code)
        {
            Some(country) => {
                country.rings.extend(rings);
                country.holes.extend(holes);
            }
            None => countries.push(MapCountry {
                iso_numeric: code,
                name_en: name,
                rings,
                holes,
            }),
        }
    }
    Ok(Conversion {
        map: WorldMap {
            source: source.to_string(),
            source_url: SOURCE_URL.to_string(),
            attribution: attribution(),
            projection: MapProjection::Equirectangular,
            units_per_degree: UNITS_PER_DEGREE,
            countries,
        },
        dropped,
    })
}

/// The map as the package stores it: the fields one per line, each country on one line,
/// so the file stays small and a change shows as a changed country.
pub fn to_json(map: &WorldMap) -> Result<String, String> {
    let mut out = String::from("{\n");
    for (field, value) in [
        ("source", json(&map.source)?),
        ("source_url", json(&map.source_url)?),
        ("attribution", json(&map.attribution)?),
        ("projection", json(&map.projection)?),
        ("units_per_degree", json(&map.units_per_degree)?),
    ] {
        out.push_str(&format!("  \"{field}\": {value},\n"));
    }
    out.push_str("  \"countries\": [\n");
    let countries = map
        .countries
        .iter()
        .map(|c| json(c).map(|line| format!("    {line}")))
        .collect::<Result<Vec<_>, _>>()?;
    out.push_str(&countries.join(",\n"));
    out.push_str("\n  ]\n}\n");
    Ok(out)
}

/// A value as compact JSON.
fn json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

/// The world-atlas version beside `input` (its `package.json`), when there is one.
fn world_atlas_version(input: &Path) -> Option<String> {
    let text = fs::read_to_string(input.parent()?.join("package.json")).ok()?;
    let package: serde_json::Value = serde_json::from_str(&text).ok()?;
    (package["name"] == "world-atlas").then(|| package["version"].as_str().map(String::from))?
}

/// Converts `input` and writes `world-map.json` into `package_dir`. Returns what a
/// publisher needs to know: the size, and the countries left out.
pub fn write_world_map(input: &Path, package_dir: &Path) -> Result<String, String> {
    let bytes = fs::read(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let file = input
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let package = match world_atlas_version(input) {
        Some(version) => format!("world-atlas {version}"),
        None => "world-atlas".to_string(),
    };
    let source = format!("Natural Earth Admin 0 – Countries, from {package} ({file})");
    let conversion = convert(&bytes, &source).map_err(|e| format!("{}: {e}", input.display()))?;
    let text = to_json(&conversion.map)?;
    // What the validator will read back must be what was converted.
    let parsed: WorldMap = parse_json(FILE_NAME, text.as_bytes()).map_err(|p| p.to_string())?;
    if parsed != conversion.map {
        return Err("the written map does not read back the same".into());
    }
    let path = package_dir.join(FILE_NAME);
    fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
    let points: usize = conversion
        .map
        .countries
        .iter()
        .flat_map(|c| c.rings.iter().chain(&c.holes))
        .map(Vec::len)
        .sum();
    let mut summary = format!(
        "wrote {} ({} countries, {points} points, {} bytes)",
        path.display(),
        conversion.map.countries.len(),
        text.len()
    );
    if !conversion.dropped.is_empty() {
        summary.push_str(&format!(
            "; too small for the grid, left out: {}",
            conversion.dropped.join(", ")
        ));
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two unit squares side by side, quantized to a 10 × 10 grid of 0.5°, sharing one
    /// border (arc 0, walked backwards by the second square), plus a point feature.
    ///
    /// ```text
    ///  (0,1) +---+---+ (2,1)      in degrees: x × 0.5 − 10, y × 0.5 + 40
    ///        | A | B |
    ///  (0,0) +---+---+ (2,0)
    /// ```
    const TWO_SQUARES: &str = r#"{
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [-10, 40]},
        "arcs": [
            [[2, 0], [0, 2]],
            [[2, 2], [-2, 0], [0, -2], [2, 0]],
            [[2, 0], [1, 0], [1, 0], [0, 2], [-2, 0]]
        ],
        "objects": {
            "countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "id": "031", "properties": {"name": "A"}, "arcs": [[1, 0]]},
                {"type": "MultiPolygon", "id": 8, "arcs": [[[2, -1]]]},
                {"type": "Point", "coordinates": [1, 1]}
            ]}
        }
    }"#;

    fn degrees(x: f64, y: f64) -> Grid {
        to_grid((x, y))
    }

    #[test]
    fn quantized_arcs_decode_to_degrees() {
        let topology: Topology = serde_json::from_str(TWO_SQUARES).unwrap();
        let arcs = decode_arcs(&topology).unwrap();
        assert_eq!(arcs[0], vec![(-9.0, 40.0), (-9.0, 41.0)]);
        assert_eq!(
            arcs[1],
            vec![(-9.0, 41.0), (-10.0, 41.0), (-10.0, 40.0), (-9.0, 40.0)]
        );
    }

    #[test]
    fn countries_share_their_border_exactly() {
        let conversion = convert(TWO_SQUARES.as_bytes(), "test").unwrap();
        let countries = &conversion.map.countries;
        assert_eq!(countries.len(), 2, "the point feature has no area");
        let a = &countries[0];
        assert_eq!(a.iso_numeric.as_deref(), Some("031"));
        assert_eq!(a.name_en.as_deref(), Some("A"));
        assert_eq!(
            a.rings,
            vec![vec![
                degrees(-9.0, 41.0),
                degrees(-10.0, 41.0),
                degrees(-10.0, 40.0),
                degrees(-9.0, 40.0),
            ]]
        );
        let b = &countries[1];
        assert_eq!(b.iso_numeric.as_deref(), Some("008"), "numbers are padded");
        assert_eq!(b.name_en, None);
        assert_eq!(
            b.rings,
            vec![vec![
                degrees(-9.0, 40.0),
                degrees(-8.0, 40.0),
                degrees(-8.0, 41.0),
                degrees(-9.0, 41.0),
            ]],
            "the straight point at (-8.5, 40) is gone, the shared border is walked backwards"
        );
    }

    #[test]
    fn a_hole_is_kept_with_its_ring() {
        let topology = r#"{
            "type": "Topology",
            "arcs": [
                [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
                [[4, 4], [4, 6], [6, 6], [6, 4], [4, 4]]
            ],
            "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "id": "710", "arcs": [[0], [1]]},
                {"type": "Polygon", "id": "426", "arcs": [[-2]]}
            ]}}
        }"#;
        let map = convert(topology.as_bytes(), "test").unwrap().map;
        assert_eq!(map.countries[0].rings.len(), 1);
        assert_eq!(map.countries[0].holes.len(), 1);
        assert_eq!(
            map.countries[0].holes[0].len(),
            4,
            "open: no repeated first point"
        );
        assert_eq!(map.countries[1].rings[0].len(), 4);
    }

    #[test]
    fn specks_smaller_than_the_grid_are_left_out_and_named() {
        let topology = r#"{
            "type": "Topology",
            "arcs": [[[0, 0], [0.01, 0], [0.01, 0.01], [0, 0]]],
            "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "id": "-99", "properties": {"name": "Speck"}, "arcs": [[0]]}
            ]}}
        }"#;
        let conversion = convert(topology.as_bytes(), "test").unwrap();
        assert!(conversion.map.countries.is_empty());
        assert_eq!(conversion.dropped, vec!["Speck".to_string()]);
    }

    #[test]
    fn simplification_keeps_the_ends_and_the_corners() {
        let line = [[0, 0], [5, 0], [10, 1], [15, 0], [20, 0], [20, 20]];
        assert_eq!(simplify(&line, 1.0), vec![[0, 0], [20, 0], [20, 20]]);
        assert_eq!(
            simplify(&line, 0.5),
            vec![[0, 0], [10, 1], [20, 0], [20, 20]]
        );
    }

    #[test]
    fn straight_points_and_spikes_are_dropped() {
        let spike = [
            [0, 0],
            [5, 0],
            [10, 0],
            [10, 10],
            [10, 15],
            [10, 10],
            [0, 10],
            [0, 0],
        ];
        assert_eq!(
            drop_straight_points(&spike),
            vec![[0, 0], [10, 0], [10, 10], [0, 10]]
        );
        let starts_mid_side = [[5, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
        assert_eq!(
            drop_straight_points(&starts_mid_side),
            vec![[10, 0], [10, 10], [0, 10], [0, 0]]
        );
    }

    #[test]
    fn a_ring_across_the_180th_meridian_is_cut_into_one_ring_per_side() {
        // An island from 179° E to 179° W, between 10° and 12° S.
        let ring = vec![[1790, -100], [-1790, -100], [-1790, -120], [1790, -120]];
        let pieces = cut_at_antimeridian(ring);
        assert_eq!(
            pieces,
            vec![
                vec![[-1800, -100], [-1790, -100], [-1790, -120], [-1800, -120]],
                vec![[1800, -120], [1790, -120], [1790, -100], [1800, -100]],
            ]
        );
        for piece in &pieces {
            let n = piece.len();
            assert!((0..n).all(|i| !crosses_antimeridian(piece[i], piece[(i + 1) % n])));
        }
    }

    #[test]
    fn a_ring_round_the_pole_stays_whole() {
        let antarctica = vec![
            [1800, -800],
            [1800, -900],
            [-1800, -900],
            [-1800, -800],
            [0, -700],
        ];
        assert_eq!(cut_at_antimeridian(antarctica.clone()), vec![antarctica]);
    }

    #[test]
    fn a_bad_arc_index_is_named() {
        let topology = r#"{"type": "Topology", "arcs": [],
            "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                {"type": "Polygon", "arcs": [[3]]}]}}}"#;
        let error = convert(topology.as_bytes(), "test").unwrap_err();
        assert!(error.contains("arc index 3 does not exist"), "{error}");
        assert!(convert(b"{\"type\": \"FeatureCollection\"}", "test").is_err());
    }

    #[test]
    fn the_written_file_reads_back_and_has_one_country_per_line() {
        let map = convert(TWO_SQUARES.as_bytes(), "test").unwrap().map;
        let text = to_json(&map).unwrap();
        let parsed: WorldMap = parse_json(FILE_NAME, text.as_bytes()).unwrap();
        assert_eq!(parsed, map);
        assert_eq!(
            text.lines()
                .filter(|l| l.trim_start().starts_with("{\"iso_numeric\""))
                .count(),
            2
        );
    }
}
