/** The heatmap as an SVG grid of buttons with a roving tabindex (arrow keys, Home, End). */
import * as React from "react";
import { useTheme } from "@fluentui/react/lib/Theme";
import type { HeatmapData, HeatmapKind } from "../../excel/operations";
import { cellLabel, layoutHeatmap, moveFocus, type GridPosition } from "../heatmapLayout";

export interface HeatmapGridProps {
  data: HeatmapData;
  kind: HeatmapKind;
  onChoose(cell: GridPosition): void;
}

const cellKey = ({ likelihood, impact }: GridPosition) => `${likelihood}-${impact}`;

export function HeatmapGrid({ data, kind, onChoose }: HeatmapGridProps) {
  const theme = useTheme();
  const layout = React.useMemo(() => layoutHeatmap(data, kind), [data, kind]);
  const [current, setCurrent] = React.useState<GridPosition>({ likelihood: data.size, impact: 1 });
  const [hasFocus, setHasFocus] = React.useState(false);
  const [hovered, setHovered] = React.useState<GridPosition>();
  /** The cell under the pointer (or, without one, the focused cell), described in words. */
  const described = hovered ?? (hasFocus ? current : undefined);
  const cellRefs = React.useRef(new Map<string, SVGGElement>());

  const focusCell = (position: GridPosition) => {
    setCurrent(position);
    cellRefs.current.get(cellKey(position))?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent, position: GridPosition) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      onChoose(position);
      return;
    }
    const next = moveFocus(position, event.key, data.size);
    if (next) {
      event.preventDefault();
      focusCell(next);
    }
  };

  const focusRingInset = 2;
  return (
    <>
    <svg
      role="group"
      aria-label={`${kind === "inherent" ? "Inherent" : "Residual"} risk heatmap, likelihood by impact`}
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      style={{ display: "block", overflow: "visible" }}
    >
      {layout.likelihoodAxis.map((label) => (
        <text key={`l${label.text}`} x={label.x} y={label.y} textAnchor="middle" dominantBaseline="central" fill={theme.semanticColors.bodyText} fontSize={12} aria-hidden="true">
          {label.text}
        </text>
      ))}
      {layout.impactAxis.map((label) => (
        <text key={`i${label.text}`} x={label.x} y={label.y} textAnchor="middle" dominantBaseline="central" fill={theme.semanticColors.bodyText} fontSize={12} aria-hidden="true">
          {label.text}
        </text>
      ))}
      {layout.cells.map((cell) => {
        const isCurrent = cell.likelihood === current.likelihood && cell.impact === current.impact;
        const position = { likelihood: cell.likelihood, impact: cell.impact };
        return (
          <g
            key={cellKey(cell)}
            ref={(element) => {
              if (element) cellRefs.current.set(cellKey(cell), element);
              else cellRefs.current.delete(cellKey(cell));
            }}
            role="button"
            tabIndex={isCurrent ? 0 : -1}
            aria-label={cell.label}
            data-likelihood={cell.likelihood}
            data-impact={cell.impact}
            onClick={() => {
              setCurrent(position);
              onChoose(position);
            }}
            onKeyDown={(event) => onKeyDown(event, position)}
            onFocus={() => {
              setCurrent(position);
              setHasFocus(true);
            }}
            onBlur={() => setHasFocus(false)}
            onMouseEnter={() => setHovered(position)}
            onMouseLeave={() => setHovered(undefined)}
            style={{ cursor: "pointer", outline: "none" }}
          >
            <rect x={cell.x} y={cell.y} width={layout.cellSize} height={layout.cellSize} fill={cell.fill} stroke={theme.semanticColors.bodyBackground} strokeWidth={1} />
            {/* One text element with a space between the lines, so the cell's text reads "3 High", not "3High". */}
            <text textAnchor="middle" dominantBaseline="central" fill={cell.textColor}>
              <tspan x={cell.x + layout.cellSize / 2} y={cell.y + layout.cellSize / 2 - 5} dominantBaseline="central" fontSize={14} fontWeight={600}>
                {cell.count}
              </tspan>{" "}
              <tspan x={cell.x + layout.cellSize / 2} y={cell.y + layout.cellSize / 2 + 10} dominantBaseline="central" fontSize={9}>
                {cell.rating}
              </tspan>
            </text>
            {isCurrent && hasFocus && (
              <rect
                x={cell.x + focusRingInset}
                y={cell.y + focusRingInset}
                width={layout.cellSize - 2 * focusRingInset}
                height={layout.cellSize - 2 * focusRingInset}
                fill="none"
                stroke={cell.textColor}
                strokeWidth={2}
                strokeDasharray="4 2"
              />
            )}
          </g>
        );
      })}
    </svg>
    <div aria-hidden="true" data-testid="heatmap-hover" style={{ minHeight: 18, fontSize: 12, color: theme.semanticColors.bodySubtext }}>
      {described ? cellLabel(data, kind, described.likelihood, described.impact) : ""}
    </div>
    </>
  );
}
