#pragma once
/// Live-feed markers in the 3D scene: sensors as spheres on poles coloured by their latest value
/// on a banded colour ramp (thresholds per observed property), reports as cones coloured by
/// category (grey once closed). Built as a detached subgraph (any thread); attach on the update
/// thread. Coordinates are scene-local metres (project CRS minus the scene origin).
#include <optional>
#include <string>
#include <vector>

#include <osg/Drawable>
#include <osg/Group>
#include <osg/Vec3d>
#include <osg/Vec4>
#include <osg/ref_ptr>

namespace dothi::render {

struct FeedMarker {
  std::string feed, stream;
  osg::Vec3d local;             ///< foot of the marker, scene-local metres
  std::optional<double> value;  ///< sensors: the value shown; reports: none
  std::string property, category, status;
  bool report = false;          ///< an event (Open311 request…) rather than a measurement
};

/// One band of a ramp: values up to `upTo` (inclusive) get `colour`.
struct RampBand {
  double upTo = 0;
  osg::Vec4 colour;
  std::string label;  ///< "12.1–35.4"
};

/// Thresholds of an observed property. PM2.5 and PM10 use the US EPA AQI breakpoints (µg/m³,
/// 24 h: 12 / 35.4 / 55.4 / 150.4 / 250.4 and 54 / 154 / 254 / 354 / 424); water level a
/// flood-warning style 3-band ramp (m); anything else a 5-band viridis-like ramp over 0..100.
std::vector<RampBand> rampFor(const std::string& property);
/// The band colour of a value; grey when there is no value.
osg::Vec4 rampColour(const std::vector<RampBand>& ramp, std::optional<double> value);
/// The first threshold above which a value of the property is an alert (e.g. PM2.5 > 55.4).
double alertThreshold(const std::string& property);
/// Colour of a report category (stable per name), grey when closed.
osg::Vec4 reportColour(const std::string& category, const std::string& status);
/// The colour a marker is drawn with.
osg::Vec4 markerColour(const FeedMarker& marker);

/// Builds the markers; `size` is the marker height in metres.
osg::ref_ptr<osg::Group> buildFeedLayer(const std::vector<FeedMarker>& markers, double size);

/// The (feed, stream) of a drawable built by buildFeedLayer, else nothing.
std::optional<std::pair<std::string, std::string>> feedMarkerOf(const osg::Drawable* drawable);

}  // namespace dothi::render
