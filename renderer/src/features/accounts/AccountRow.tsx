import type { AccountSummary } from '@shared/accounts.schema';
import { Icon } from '../../components/Icon';
import { ColourPicker } from './ColourPicker';
import { colourStyle } from './WorkspaceLabel';

/** One account: favourite star, colour chip, and the row itself, which selects it. */
export function AccountRow({
  account,
  isSelected,
  onSelect,
  onFavourite,
  onColour,
}: {
  account: AccountSummary;
  isSelected: boolean;
  onSelect: () => void;
  onFavourite: () => void;
  onColour: (colour: string) => void;
}) {
  return (
    <li
      className={isSelected ? 'account-row selected' : 'account-row'}
      style={colourStyle(account.colour)}
      data-testid="account-item"
      data-account-id={account.accountId}
      data-account-name={account.accountName}
    >
      <button
        type="button"
        className={account.favourite ? 'star-button on' : 'star-button'}
        aria-pressed={account.favourite}
        aria-label={
          account.favourite
            ? `Remove ${account.accountName} from favourites`
            : `Add ${account.accountName} to favourites`
        }
        title={account.favourite ? 'Favourite: listed first' : 'Add to favourites'}
        onClick={onFavourite}
        data-testid="account-favourite"
      >
        <Icon name="star" size={16} />
      </button>
      <ColourPicker colour={account.colour} accountName={account.accountName} onChange={onColour} />
      <button
        type="button"
        className="account-row-main"
        aria-current={isSelected ? 'true' : undefined}
        onClick={onSelect}
        data-testid="account-select"
      >
        <span className="account-row-name">{account.accountName}</span>
        <span className="account-row-id mono">{account.accountId}</span>
        {account.emailAddress && <span className="account-row-email">{account.emailAddress}</span>}
      </button>
    </li>
  );
}
