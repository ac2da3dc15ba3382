/** A link that selects a cell in the workbook (click or Enter). */
import * as React from "react";
import { Link } from "@fluentui/react/lib/Link";
import { usePane } from "../paneContext";
import { cellReference } from "../summaries";

export interface CellLinkProps {
  sheet: string;
  address: string;
  text: string;
}

export function CellLink({ sheet, address, text }: CellLinkProps) {
  const { host, runner } = usePane();
  const reference = cellReference(sheet, address);
  const select = () => void runner.run(`Selecting ${reference}`, () => host.selectRange(sheet, address));
  return (
    <Link onClick={select} title={`Go to ${reference}`} aria-label={`${text}, go to ${reference}`}>
      {text}
    </Link>
  );
}
