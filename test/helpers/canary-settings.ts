/**
 * The user's settings.xml before the run: secrets in every form a file may hold them, each
 * with "canary" in its raw text; none may appear anywhere but in settings.xml and its backup.
 */
export const canarySettings = `<?xml version="1.0" encoding="UTF-8"?>
<settings>
  <proxies>
    <proxy><id>p</id><active>false</active><host>proxy.example</host><username>u</username><password>canary-proxy</password></proxy>
  </proxies>
  <servers>
    <!-- old: <server><id>old</id><password>canary-commented</password></server> -->
    <server><id>multi</id><password>
      canary-multi-line
    </password></server>
    <server><id>cdata</id><password><![CDATA[canary<cdata>]]></password><!-- canary-comment --></server>
    <server><id>ssh</id><privateKey>/home/me/.ssh/canary_key</privateKey><passphrase kind="x">canary-&#101;ntity</passphrase></server>
    <server><id>header</id><configuration><httpHeaders><property><name>Private-Token</name><value>canary-header</value></property></httpHeaders></configuration></server>
    <server><id>codeartifact</id><username>aws</username><password>canary-literal-token</password></server>
  </servers>
</settings>
`;
